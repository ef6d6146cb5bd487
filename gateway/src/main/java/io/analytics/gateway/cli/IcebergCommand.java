package io.analytics.gateway.cli;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.home.Layer;
import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.catalog.TableStatus;
import io.analytics.iceberg.lake.DatasetTableSync;
import io.analytics.iceberg.lake.LakeTables;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics iceberg status|sync|attach}: the lake's datasets as Apache Iceberg tables
 * (docs/SCALING.md): what the catalog holds and how other engines reach it; bringing it in step.
 */
@Command(name = "iceberg", description = "The lake as Apache Iceberg tables: status, sync, attach external tables.",
    subcommands = {IcebergAttachCommand.class})
public final class IcebergCommand {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  AnalyticsCli parent() {
    return parent;
  }

  @Command(name = "status", description = "List the lake's Iceberg tables, their current snapshots, and the catalog's properties for other engines.")
  int status() {
    PrintWriter out = spec.commandLine().getOut();
    IcebergConfig config = parent.config().iceberg();
    try (LakeCatalog catalog = LakeCatalog.open(parent.home(), config)) {
      List<String> namespaces = Arrays.stream(Layer.values()).map(Layer::schemaName).toList();
      out.println("catalog " + config.name() + " (" + config.catalog() + (config.enabled() ? "" : ", publishing disabled") + ")");
      for (Map.Entry<String, String> property : LakeCatalog.sharedProperties(parent.home(), config).entrySet()) {
        out.println("  " + property.getKey() + " = " + property.getValue());
      }
      out.println();
      out.printf("%-32s %-20s %-10s %-24s %10s %6s %9s%n", "table", "snapshot", "operation", "committed", "records", "files", "snapshots");
      for (TableStatus table : TableStatus.of(catalog, namespaces)) {
        out.printf("%-32s %-20s %-10s %-24s %10s %6s %9d%n", table.name(),
            table.snapshotId() == null ? "-" : table.snapshotId().toString(),
            table.operation() == null ? "-" : table.operation(),
            table.snapshotId() == null ? "-" : Instant.ofEpochMilli(table.timestampMillis()).toString(),
            table.records(), table.files(), table.snapshots());
      }
    }
    out.flush();
    return 0;
  }

  @Command(name = "sync", description = "Bring every Iceberg table in step with the lake's committed datasets (idempotent).")
  int sync() {
    PrintWriter out = spec.commandLine().getOut();
    try (LakeCatalog catalog = LakeCatalog.open(parent.home(), parent.config().iceberg())) {
      Map<TableIdentifier, DatasetTableSync.Outcome> changed = new LakeTables(catalog).reconcile();
      changed.forEach((table, outcome) -> out.println(table + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT)));
      out.println(changed.isEmpty() ? "every table is in step with the lake" : changed.size() + " table(s) committed");
    }
    out.flush();
    return 0;
  }
}
