package io.analytics.gateway.pgcatalog;

import io.analytics.engine.duckdb.SqlIdentifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pg_stats for the lake's datasets, from their Parquet footers: the fraction of nulls, the average
 * width and the number of distinct values of each column, as PostgreSQL's ANALYZE leaves them (BI
 * tools read them to pick filters and estimate cardinalities). The statistics are read once, when a
 * session first uses the catalog, like an ANALYZE whose results stay until the next one: a query
 * of pg_stats then never reads files that a later commit or vacuum may have replaced.
 */
final class PgStatistics {
  /** PostgreSQL stores a distinct count above this share of the rows as a negative fraction (it grows with the table). */
  private static final double DISTINCT_AS_FRACTION_ABOVE = 0.1;

  private PgStatistics() {}

  /**
   * The statistics table, one INSERT per readable dataset (a dataset whose files cannot be read costs
   * only its own rows when the session logs the failed statement), and the pg_stats view over them.
   * Needs pg_type and pg_gateway_type_oid.
   */
  static List<String> statements(List<LakeCatalogFacts.DatasetFacts> lake) {
    List<String> sql = new ArrayList<>();
    sql.add("CREATE OR REPLACE TEMP TABLE pg_gateway_lake_stats (schemaname VARCHAR, tablename VARCHAR, attname VARCHAR, "
        + "row_count BIGINT, null_frac DOUBLE, avg_width INTEGER, distinct_values BIGINT)");
    for (LakeCatalogFacts.DatasetFacts dataset : lake) {
      if (dataset.readable() && !dataset.files().isEmpty()) {
        sql.add(insert(dataset));
      }
    }
    // Sessions divide integers as PostgreSQL does (PostgresDialectSettings): fractions divide doubles.
    // Fixed-width types are as wide as the type (as in PostgreSQL); for the others the footers' bytes
    // per value are the estimate. 0 distinct values is PostgreSQL's "unknown".
    sql.add("CREATE OR REPLACE TEMP VIEW pg_stats AS SELECT s.schemaname, s.tablename, s.attname, false AS inherited, "
        + "CAST(s.null_frac AS FLOAT) AS null_frac, "
        + "CAST(CASE WHEN t.typlen > 0 THEN t.typlen ELSE s.avg_width END AS INTEGER) AS avg_width, "
        + "CAST(CASE WHEN s.distinct_values > " + DISTINCT_AS_FRACTION_ABOVE + " * s.row_count "
        + "THEN -least(1.0, CAST(s.distinct_values AS DOUBLE) / s.row_count) ELSE s.distinct_values END AS FLOAT) AS n_distinct, "
        + "CAST(NULL AS VARCHAR[]) AS most_common_vals, CAST(NULL AS FLOAT[]) AS most_common_freqs, "
        + "CAST(NULL AS VARCHAR[]) AS histogram_bounds, CAST(NULL AS FLOAT) AS correlation, "
        + "CAST(NULL AS VARCHAR[]) AS most_common_elems, CAST(NULL AS FLOAT[]) AS most_common_elem_freqs, "
        + "CAST(NULL AS FLOAT[]) AS elem_count_histogram "
        + "FROM pg_gateway_lake_stats s JOIN duckdb_columns() c ON c.database_name IN " + InformationSchemaViews.SESSION_CATALOGS
        + "AND c.schema_name = s.schemaname AND c.table_name = s.tablename AND c.column_name = s.attname "
        + "LEFT JOIN pg_type t ON t.oid = pg_gateway_type_oid(c.data_type)");
    return sql;
  }

  /**
   * One dataset's columns. Row groups without a column (files written before it was added, read with
   * union_by_name) count as nulls of it; a distinct count is known only when every row group has one,
   * and then the largest is a lower bound of the whole. Hive partition columns are in the paths, not
   * the files: never null, as many distinct values as partition folders.
   */
  private static String insert(LakeCatalogFacts.DatasetFacts dataset) {
    StringBuilder files = new StringBuilder("[");
    for (Path file : dataset.files().files()) {
      files.append(files.length() > 1 ? ", " : "").append(SqlIdentifiers.literal(file.toString()));
    }
    files.append(']');
    String schema = SqlIdentifiers.literal(dataset.schema());
    String table = SqlIdentifiers.literal(dataset.name());
    StringBuilder sql = new StringBuilder("INSERT INTO pg_gateway_lake_stats WITH meta AS (SELECT file_name, row_group_id, "
        + "row_group_num_rows, path_in_schema, stats_null_count, stats_distinct_count, total_uncompressed_size "
        + "FROM parquet_metadata(" + files + ")), "
        + "totals AS (SELECT sum(row_group_num_rows) AS row_count FROM (SELECT DISTINCT file_name, row_group_id, row_group_num_rows FROM meta)) "
        + "SELECT " + schema + ", " + table + ", m.path_in_schema, t.row_count, "
        + "CASE WHEN t.row_count = 0 THEN 0 ELSE CAST(COALESCE(sum(m.stats_null_count), 0) + t.row_count - sum(m.row_group_num_rows) AS DOUBLE) / t.row_count END, "
        + "CAST(CASE WHEN sum(m.row_group_num_rows - COALESCE(m.stats_null_count, 0)) > 0 THEN "
        + "greatest(1, round(CAST(sum(m.total_uncompressed_size) AS DOUBLE) / sum(m.row_group_num_rows - COALESCE(m.stats_null_count, 0)))) ELSE 0 END AS INTEGER), "
        + "CASE WHEN count(m.stats_distinct_count) = count(*) THEN max(m.stats_distinct_count) ELSE 0 END "
        + "FROM meta m, totals t GROUP BY m.path_in_schema, t.row_count");
    for (String column : dataset.files().partitionColumns()) {
      sql.append(" UNION ALL SELECT ").append(schema).append(", ").append(table).append(", ")
          .append(SqlIdentifiers.literal(column)).append(", any_value(t.row_count), 0, CAST(round(avg(strlen(p.value))) AS INTEGER), count(DISTINCT p.value) ")
          .append("FROM (SELECT DISTINCT file_name, regexp_extract(file_name, ")
          .append(SqlIdentifiers.literal("[/\\\\]" + java.util.regex.Pattern.quote(column) + "=([^/\\\\]*)[/\\\\]"))
          .append(", 1) AS value FROM meta) p, totals t WHERE NOT EXISTS (SELECT 1 FROM meta WHERE path_in_schema = ")
          .append(SqlIdentifiers.literal(column)).append(')');
    }
    return sql.toString();
  }
}
