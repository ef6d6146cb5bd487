package io.analytics.gateway.cli;

import io.analytics.catalog.lake.Layer;
import io.analytics.engine.export.ExportPipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics export --query SQL --table NAME [--layer gold]}: writes a query's result as a dataset. */
@Command(name = "export", description = "Write a query's result as a Parquet dataset (gold by default), replacing it atomically.")
public final class ExportCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Option(names = "--query", required = true, paramLabel = "SQL", description = "The query, over the lake and sql/views.")
  String query;

  @Option(names = "--table", required = true, paramLabel = "NAME", description = "Target dataset name.")
  String table;

  @Option(names = "--layer", defaultValue = "gold", paramLabel = "LAYER", description = "gold (default), silver or bronze.")
  String layer;

  @Override
  public Integer call() {
    var result = new ExportPipeline(parent.pipelineConfig()).exportToParquet(query, table, Layer.fromName(layer));
    spec.commandLine().getOut().println(result.summary());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
