package io.analytics.gateway.cli;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.schema.SchemaResolver;
import io.analytics.catalog.schema.TableSchema;
import io.analytics.engine.ingest.IngestOptions;
import io.analytics.engine.ingest.IngestResult;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.ingest.Rejection;
import io.analytics.engine.postgres.PostgresSnapshot;
import io.analytics.engine.postgres.PostgresTarget;
import io.analytics.gateway.progress.TerminalProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics ingest FILE_OR_GLOB --table NAME ...}: appends CSV or Parquet files to a lake
 * dataset; {@code analytics ingest --from postgres SOURCE.TABLE} appends a snapshot of a Postgres table.
 */
@Command(name = "ingest", description = "Ingest CSV or Parquet files (by extension), or a snapshot of a Postgres table (--from postgres SOURCE.TABLE), into a dataset of a layer.")
public final class IngestCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE_OR_GLOB", description = "A file, or a quoted glob such as 'in/trades_*.csv'; with --from postgres: SOURCE.TABLE or SOURCE.SCHEMA.TABLE.")
  String source;

  @Option(names = "--from", paramLabel = "KIND", description = "postgres: read the table SOURCE.TABLE of a configured source.")
  String from;

  @Option(names = "--table", paramLabel = "NAME", description = "Target dataset (NAME or LAYER.NAME); with --from postgres, the table's name by default.")
  String table;

  @Option(names = "--layer", paramLabel = "LAYER", defaultValue = "bronze", description = "bronze (default), silver or gold.")
  String layer;

  @Option(names = "--schema", paramLabel = "SCHEMA", description = "A standard schema (TradeSchema, PriceSchema, ...) or a JSON schema file.")
  String schema;

  @Option(names = "--partition-by", paramLabel = "COL", split = ",", description = "Hive partition columns, e.g. date.")
  List<String> partitionBy;

  @Option(names = "--strict", description = "Refuse the whole batch if any row is invalid.")
  boolean strict;

  @Option(names = "--no-quarantine", description = "Do not keep rejected rows in <table>_quarantine.")
  boolean noQuarantine;

  /** The size of the files to ingest, for the progress shown (0 when they cannot be listed; ingest says why). */
  private long inputBytes() {
    try {
      long total = 0;
      for (java.nio.file.Path file : io.analytics.engine.ingest.SourceFiles.expand(source).files()) {
        total += java.nio.file.Files.size(file);
      }
      return total;
    } catch (PlatformException | java.io.IOException e) {
      return 0;
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TableSchema declared = schema == null ? null : SchemaResolver.resolve(schema);
    IngestOptions options = IngestOptions.defaults()
        .withLayer(Layer.fromName(layer))
        .withStrict(strict)
        .withQuarantine(!noQuarantine)
        .withProgress(TerminalProgress.of("ingest " + (table != null ? table : source), from == null ? inputBytes() : 0,
            spec.commandLine().getErr()));
    IngestResult result;
    if (from != null) {
      if (!from.equals("postgres")) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "--from takes postgres, got \"" + from + "\"");
      }
      int dot = source.indexOf('.');
      if (dot <= 0 || dot == source.length() - 1) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
            "with --from postgres, name the table SOURCE.TABLE (or SOURCE.SCHEMA.TABLE), got \"" + source + "\"");
      }
      PostgresSourceConfig config = PostgresTarget.source(parent.config(), source.substring(0, dot));
      String pgTable = source.substring(dot + 1);
      String target = table != null ? table : pgTable.substring(pgTable.lastIndexOf('.') + 1);
      PostgresSnapshot snapshot = new PostgresSnapshot(config, pgTable);
      result = new IngestionPipeline("cli", parent.pipelineConfig(), target, declared, partitionBy, options)
          .ingestPostgres(snapshot);
      snapshot.warnings().forEach(warning -> out.println("warning: " + warning));
    } else {
      if (table == null) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "--table is required when ingesting files");
      }
      result = new IngestionPipeline("cli", parent.pipelineConfig(), table, declared, partitionBy, options)
          .ingestFiles(source);
    }
    out.println(result.summary());
    for (Rejection rejection : result.rejections()) {
      out.println("  rejected: " + rejection + " " + rejection.values());
    }
    if (result.rowsRejected() > result.rejections().size()) {
      out.println("  ... and " + (result.rowsRejected() - result.rejections().size()) + " more");
    }
    out.flush();
    return 0;
  }
}
