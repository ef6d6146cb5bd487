package io.analytics.gateway.pgcatalog;

/**
 * The catalog's view of the types the gateway records in column comments (see
 * types.DeclaredColumnType): SQL expressions over duckdb_columns() for a column's declared type OID
 * and typmod, NULL when it has none, so pg_attribute and information_schema show {@code character(5)}
 * and {@code character varying(10)} as RowDescription does.
 */
final class DeclaredTypeColumns {
  private DeclaredTypeColumns() {}

  /** The declared type's OID of a column of this DuckDB type and comment, or NULL. */
  static String typeOid(String dataType, String comment) {
    return "CASE WHEN " + dataType + " <> 'VARCHAR' THEN NULL "
        + "WHEN starts_with(" + comment + ", 'pg_type:character varying') THEN 1043 "
        + "WHEN starts_with(" + comment + ", 'pg_type:character') THEN 1042 END";
  }

  /** The declared type's typmod (length + 4, or -1) of a column of this DuckDB type and comment, or NULL. */
  static String typmod(String dataType, String comment) {
    return "CASE WHEN " + typeOid(dataType, comment) + " IS NULL THEN NULL "
        + "ELSE COALESCE(TRY_CAST(regexp_extract(" + comment + ", '\\((\\d+)\\)$', 1) AS INTEGER) + 4, -1) END";
  }
}
