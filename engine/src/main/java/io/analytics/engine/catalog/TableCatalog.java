package io.analytics.engine.catalog;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbBackend;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.duckdb.QueryRows;
import io.analytics.engine.lake.DeclaredSchemaFile;
import io.analytics.engine.warehouse.WarehouseConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists the platform's tables: the lake's datasets (row counts from the Parquet footers, read by a
 * throwaway in-memory DuckDB, never the warehouse) and the warehouse's own DuckDB tables.
 */
public final class TableCatalog {
  private final PlatformHome home;
  private final PlatformConfig config;

  public TableCatalog(PlatformHome home, PlatformConfig config) {
    this.home = requireNonNull(home, "home is null");
    this.config = requireNonNull(config, "config is null");
  }

  public List<TableInfo> lakeTables() {
    List<TableInfo> tables = new ArrayList<>();
    List<Dataset> datasets = new LakeScanner(home).scan();
    if (datasets.isEmpty()) {
      return tables;
    }
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(config.duckdb())) {
      DuckDbBackend backend = new DuckDbBackend(database);
      for (Dataset dataset : datasets) {
        DatasetFiles files = DatasetFiles.of(dataset.directory());
        long rows = 0;
        if (!files.isEmpty()) {
          String list = files.files().stream().map(f -> literal(f.toString())).collect(Collectors.joining(", "));
          Object value = backend.query("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata([" + list + "])")
              .rows().get(0).get(0);
          rows = Long.parseLong(String.valueOf(value));
        }
        tables.add(new TableInfo(dataset.qualifiedName(), dataset.layer().schemaName(), "PARQUET",
            dataset.directory().toString(), files.partitionColumns(), rows, files.totalBytes(), files.files().size(),
            DeclaredSchemaFile.read(dataset.directory()).orElse(null)));
      }
    }
    return tables;
  }

  /** The warehouse's base tables outside the platform's own schema. */
  public List<TableInfo> warehouseTables(WarehouseConnection connection) {
    List<TableInfo> tables = new ArrayList<>();
    for (List<String> row : connection.queryStrings(
        "SELECT schema_name, table_name, estimated_size, comment FROM duckdb_tables()"
            + " WHERE NOT temporary AND schema_name <> 'platform' ORDER BY schema_name, table_name")) {
      String comment = row.get(3);
      String layer = comment != null && comment.startsWith("layer=") ? comment.substring("layer=".length()) : null;
      tables.add(new TableInfo(row.get(0) + "." + row.get(1), layer, "DUCKDB", home.warehouseFile().toString(),
          List.of(), Long.parseLong(row.get(2)), 0, 0, null));
    }
    return tables;
  }

  /** Column names and types of a lake dataset, as its Parquet files (and partitions) give them. */
  public QueryRows datasetColumns(TableInfo table) {
    String glob = java.nio.file.Path.of(table.location()).resolve("**").resolve("*.parquet").toString();
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(config.duckdb())) {
      return new DuckDbBackend(database).query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
          + literal(glob) + ", hive_partitioning = true, union_by_name = true))");
    }
  }
}
