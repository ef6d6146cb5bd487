package io.analytics.gateway.cli;

import io.analytics.engine.transform.SqlFolderRunner;
import io.analytics.gateway.progress.TerminalProgress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics materialize}: runs {@code sql/materializations/*.sql} in name order. */
@Command(name = "materialize", description = "Run sql/materializations/ in name order into their Parquet datasets or warehouse tables.")
public final class MaterializeCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : new SqlFolderRunner(parent.pipelineConfig(), parent.warehouse())
        .runMaterializations(TerminalProgress.of("materialize", 0, spec.commandLine().getErr()))) {
      spec.commandLine().getOut().println("materialized: " + line);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
