package io.analytics.gateway.cli;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetReplacer;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.TableName;
import io.analytics.engine.warehouse.WarehouseCompactor;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.gateway.progress.Sizes;
import io.analytics.gateway.progress.TerminalProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics vacuum [--compact LAYER.TABLE]...}: checkpoints the warehouse, and merges the
 * small Parquet files of the named datasets (rewritten and swapped in atomically, ledger kept).
 */
@Command(name = "vacuum", description = "Checkpoint the warehouse; with --compact, merge a dataset's small Parquet files.")
public final class VacuumCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Option(names = "--compact", paramLabel = "LAYER.TABLE", description = "Dataset whose files to merge (repeatable).")
  List<String> compact = new ArrayList<>();

  private static long bytesOf(DatasetFiles files) {
    long total = 0;
    for (java.nio.file.Path file : files.files()) {
      total += file.toFile().length();
    }
    return total;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String name : compact) {
      TableName table = TableName.parse(name, Layer.BRONZE);
      Dataset dataset = new LakeScanner(parent.home()).dataset(table.layer(), table.name());
      DatasetFiles files = DatasetFiles.of(dataset.directory());
      if (files.isEmpty()) {
        throw new PlatformException(SqlState.UNDEFINED_TABLE, "dataset " + table.qualified() + " has no Parquet files");
      }
      try (LakeSession session = LakeSession.open(parent.home(), parent.config())) {
        String select = "SELECT * FROM read_parquet(" + literal(dataset.parquetGlob())
            + ", hive_partitioning = true, union_by_name = true)";
        long rows = new DatasetReplacer(session, CommitHooks.NONE,
            TerminalProgress.of("vacuum " + table.qualified(), bytesOf(files), spec.commandLine().getErr()))
            .replace(dataset, select, files.partitionColumns(), null, "vacuum", true);
        out.println(table.qualified() + ": " + files.files().size() + " files merged into "
            + DatasetFiles.of(dataset.directory()).files().size() + " (" + rows + " rows)");
      }
    }
    if (parent.config().iceberg().enabled()) {
      try (var catalog = io.analytics.iceberg.catalog.LakeCatalog.open(parent.home(), parent.config().iceberg())) {
        int tables = new io.analytics.iceberg.lake.LakeTables(catalog).expireSnapshots();
        out.println("Iceberg: snapshots older than the current one expired in " + tables + " table(s)");
      }
    }
    boolean gatewayRunning = parent.warehouse().gateway().isPresent();
    if (Files.exists(parent.home().warehouseFile()) || gatewayRunning) {
      try (WarehouseConnection connection = parent.warehouse().open()) {
        connection.execute("CHECKPOINT");
        out.println("warehouse checkpointed (" + connection.description() + ")");
      }
      if (gatewayRunning) {
        out.println("warehouse file not compacted: the gateway holds it; stop the gateway and run vacuum again");
      } else {
        WarehouseCompactor.Result result =
            new WarehouseCompactor(parent.home().warehouseFile(), parent.config().duckdb()).compact();
        out.println("warehouse compacted: " + Sizes.human(result.bytesBefore()) + " -> " + Sizes.human(result.bytesAfter()));
      }
    }
    out.flush();
    return 0;
  }
}
