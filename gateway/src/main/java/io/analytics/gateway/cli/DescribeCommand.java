package io.analytics.gateway.cli;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;

import io.analytics.catalog.config.SearchPathConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.schema.CheckSpec;
import io.analytics.catalog.schema.ColumnSpec;
import io.analytics.engine.catalog.TableCatalog;
import io.analytics.engine.catalog.TableInfo;
import io.analytics.engine.duckdb.QueryRows;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.gateway.progress.Sizes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics describe [SCHEMA.]TABLE}: where a table lives, its size, partitions, columns and declared schema. */
@Command(name = "describe", description = "Describe a table: source, layer, partitions, rows, size, columns and declared schema.")
public final class DescribeCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "[SCHEMA.]TABLE", description = "A table; without a schema, the first found on the search path (main, gold, silver, bronze by default).")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TableInfo table = find(TablesCommand.allTables(parent));
    out.println("table:          " + table.name());
    out.println("layer:          " + (table.layer() == null ? "-" : table.layer()));
    out.println("source:         " + table.source().toLowerCase(java.util.Locale.ROOT) + " " + table.location());
    out.println("partitioned by: " + (table.partitionColumns().isEmpty() ? "-" : String.join(", ", table.partitionColumns())));
    out.println("rows:           " + table.rows());
    if (table.source().equals("PARQUET")) {
      out.println("size:           " + Sizes.human(table.bytes()) + " in " + table.files() + " files");
    }
    out.println("declared schema: " + (table.declaredSchema() == null ? "none" : table.declaredSchema().name()));
    out.println();
    QueryRows columns = table.source().equals("PARQUET")
        ? new TableCatalog(parent.home(), parent.config()).datasetColumns(table)
        : warehouseColumns(table);
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> column : columns.rows()) {
      String columnName = String.valueOf(column.get(0));
      ColumnSpec declared = table.declaredSchema() == null ? null : table.declaredSchema().column(columnName).orElse(null);
      rows.add(List.of(columnName, String.valueOf(column.get(1)),
          declared == null ? "" : (declared.required() ? "required" : "optional"),
          declared == null || declared.defaultExpression() == null ? "" : declared.defaultExpression()));
    }
    ResultPrinter.print(new QueryRows(List.of("column", "type", "declared", "default"),
        List.of("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR"), rows), ResultPrinter.Format.table, out);
    if (table.declaredSchema() != null && !table.declaredSchema().checks().isEmpty()) {
      out.println();
      out.println("checks:");
      for (CheckSpec check : table.declaredSchema().checks()) {
        out.println("  " + check.name() + ": " + check.expression());
      }
    }
    out.flush();
    return 0;
  }

  /** The table named LAYER.TABLE, or TABLE found through the search path as a query would find it. */
  private TableInfo find(List<TableInfo> tables) {
    List<String> path = SearchPathConfig.duckDbSchemas(parent.config().searchPath().forRole("admin"));
    // public is the warehouse's own schema, DuckDB's main, as clients of the gateway see it.
    String qualified = name.regionMatches(true, 0, "public.", 0, 7) ? "main." + name.substring(7) : name;
    List<String> candidates = name.contains(".") ? List.of(qualified) : path.stream().map(schema -> schema + "." + name).toList();
    for (String candidate : candidates) {
      for (TableInfo table : tables) {
        if (table.name().equalsIgnoreCase(candidate)) {
          return table;
        }
      }
    }
    List<String> shown = path.stream().map(schema -> schema.equals("main") ? "public" : schema).toList();
    throw new PlatformException(SqlState.UNDEFINED_TABLE, "no table " + name
        + (name.contains(".") ? "" : " in the search path " + String.join(", ", shown)) + " (see analytics tables)");
  }

  private QueryRows warehouseColumns(TableInfo table) {
    int dot = table.name().indexOf('.');
    String sql = "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
        + literal(table.name().substring(0, dot)) + " AND table_name = " + literal(table.name().substring(dot + 1))
        + " ORDER BY ordinal_position";
    try (WarehouseConnection connection = parent.warehouse().open()) {
      List<List<Object>> rows = new ArrayList<>();
      for (List<String> row : connection.queryStrings(sql)) {
        rows.add(new ArrayList<>(row));
      }
      return new QueryRows(List.of("column_name", "data_type"), List.of("VARCHAR", "VARCHAR"), rows);
    }
  }
}
