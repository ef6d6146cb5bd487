package io.analytics.gateway.cli;

import io.analytics.engine.catalog.TableCatalog;
import io.analytics.engine.catalog.TableInfo;
import io.analytics.engine.duckdb.QueryRows;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.gateway.progress.Sizes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics tables}: every table, Parquet datasets and warehouse tables alike. */
@Command(name = "tables", description = "List the tables: lake datasets and the warehouse's DuckDB tables.")
public final class TablesCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ResultPrinter.print(rows(parent), ResultPrinter.Format.table, spec.commandLine().getOut());
    return 0;
  }

  static List<TableInfo> allTables(AnalyticsCli parent) {
    TableCatalog catalog = new TableCatalog(parent.home(), parent.config());
    List<TableInfo> tables = new ArrayList<>(catalog.lakeTables());
    if (Files.exists(parent.home().warehouseFile()) || parent.warehouse().gateway().isPresent()) {
      try (WarehouseConnection connection = parent.warehouse().open()) {
        tables.addAll(catalog.warehouseTables(connection));
      }
    }
    return tables;
  }

  static QueryRows rows(AnalyticsCli parent) {
    List<List<Object>> rows = new ArrayList<>();
    for (TableInfo table : allTables(parent)) {
      rows.add(List.of(table.name(), table.layer() == null ? "" : table.layer(), table.source().toLowerCase(java.util.Locale.ROOT),
          table.rows(), Sizes.human(table.bytes()), table.files(), String.join(",", table.partitionColumns()),
          table.declaredSchema() == null ? "" : table.declaredSchema().name()));
    }
    return new QueryRows(List.of("table", "layer", "source", "rows", "size", "files", "partitioned by", "schema"),
        List.of("VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR"), rows);
  }
}
