package io.analytics.gateway.cli;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.export.ExportPipeline;
import io.analytics.engine.export.ExportResult;
import io.analytics.engine.postgres.ExportMode;
import io.analytics.gateway.progress.TerminalProgress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics export --query SQL --table NAME [--layer gold]}: writes a query's result as a
 * dataset; with {@code --to postgres:SOURCE [--mode append|replace|upsert] [--key COL,...]} into a
 * PostgreSQL table instead.
 */
@Command(name = "export", description = "Write a query's result as a Parquet dataset (gold by default, replaced atomically), or into PostgreSQL with --to postgres:SOURCE.")
public final class ExportCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Option(names = "--query", required = true, paramLabel = "SQL", description = "The query, over the lake and sql/views.")
  String query;

  @Option(names = "--table", required = true, paramLabel = "NAME", description = "Target dataset name (with --to: table or schema.table).")
  String table;

  @Option(names = "--layer", defaultValue = "gold", paramLabel = "LAYER", description = "gold (default), silver or bronze.")
  String layer;

  @Option(names = "--to", paramLabel = "postgres:SOURCE", description = "Export into a table of this Postgres source instead of the lake.")
  String to;

  @Option(names = "--mode", defaultValue = "replace", paramLabel = "MODE", description = "With --to: append, replace (default, atomic) or upsert.")
  String mode;

  @Option(names = "--key", split = ",", paramLabel = "COL", description = "With --mode upsert: key columns (default: the table's primary key).")
  List<String> keys;

  @Override
  public Integer call() {
    ExportResult result;
    if (to != null) {
      if (!to.startsWith("postgres:") || to.length() == "postgres:".length()) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "--to takes postgres:SOURCE, got \"" + to + "\"");
      }
      String source = to.substring("postgres:".length());
      result = new ExportPipeline(parent.pipelineConfig())
          .exportToPostgres(query, source + "." + table, ExportMode.fromName(mode), keys == null ? List.of() : keys);
    } else {
      result = new ExportPipeline(parent.pipelineConfig(), io.analytics.engine.lake.CommitHooks.NONE,
          TerminalProgress.of("export " + table, 0, spec.commandLine().getErr())).exportToParquet(query, table, Layer.fromName(layer));
    }
    spec.commandLine().getOut().println(result.summary());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
