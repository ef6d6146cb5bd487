package io.analytics.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.schema.TableSchema;
import java.util.List;

/**
 * What the platform knows about one table: what {@code status}, {@code tables} and {@code describe}
 * print.
 *
 * @param name {@code schema.table} as SQL names it
 * @param layer bronze, silver or gold, or null when it has none
 * @param source where the rows live: PARQUET (a dataset folder), DUCKDB (a warehouse table) or POSTGRES
 * @param location the dataset folder, or the warehouse file, or the source's URL
 * @param partitionColumns hive partition columns (Parquet only)
 * @param rows row count (from Parquet footers; DuckDB's estimate for warehouse tables)
 * @param bytes size on disk, 0 when unknown
 * @param files Parquet files
 * @param declaredSchema the schema it was declared with, or null
 */
public record TableInfo(
    String name,
    String layer,
    String source,
    String location,
    List<String> partitionColumns,
    long rows,
    long bytes,
    int files,
    TableSchema declaredSchema) {
  public TableInfo {
    requireNonNull(name, "name is null");
    requireNonNull(source, "source is null");
    requireNonNull(location, "location is null");
    partitionColumns = List.copyOf(partitionColumns);
  }
}
