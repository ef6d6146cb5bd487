package io.analytics.gateway.cli;

import io.analytics.engine.transform.SqlFolderRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics views}: applies {@code sql/views/*.sql} to the warehouse. */
@Command(name = "views", description = "Create the views of sql/views/ in the warehouse.")
public final class ViewsCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> files = new SqlFolderRunner(parent.pipelineConfig(), parent.warehouse()).runViews();
    files.forEach(f -> spec.commandLine().getOut().println("views: " + f.getFileName()));
    spec.commandLine().getOut().println(files.size() + " view scripts applied");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
