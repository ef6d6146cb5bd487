package io.analytics.gateway.cli;

import io.analytics.engine.transform.SqlFolderRunner;
import io.analytics.gateway.progress.TerminalProgress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics refresh}: views, then materializations. */
@Command(name = "refresh", description = "Apply sql/views/ and then run sql/materializations/.")
public final class RefreshCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SqlFolderRunner runner = new SqlFolderRunner(parent.pipelineConfig(), parent.warehouse());
    runner.runViews().forEach(f -> spec.commandLine().getOut().println("views: " + f.getFileName()));
    runner.runMaterializations(TerminalProgress.of("refresh", 0, spec.commandLine().getErr())).forEach(line -> spec.commandLine().getOut().println("materialized: " + line));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
