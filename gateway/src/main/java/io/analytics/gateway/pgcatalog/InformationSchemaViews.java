package io.analytics.gateway.pgcatalog;

import io.analytics.engine.duckdb.SqlIdentifiers;
import io.analytics.engine.lake.ReadOnlyLakeViews;
import java.util.List;

/**
 * information_schema.tables and information_schema.columns as PostgreSQL answers them, for the BI
 * tools that browse through them (Metabase's field sync, Grafana's query builder): the lake's
 * datasets are BASE TABLEs, columns carry PostgreSQL's type names ({@code data_type} "numeric",
 * {@code udt_name} "numeric" in pg_catalog, "ARRAY" for arrays), the catalog is the database the
 * client connected to, and the session's own TEMP catalog objects are not listed. {@link
 * PgCatalogRewriter} sends the client's {@code information_schema.tables} and {@code .columns} here.
 */
final class InformationSchemaViews {
  private static final String DECLARED_TYPMOD = DeclaredTypeColumns.typmod("c.data_type", "c.COLUMN_COMMENT");

  private InformationSchemaViews() {}

  /** Joins a relation's catalog and schema to the names clients see; schemas no client sees drop out (see PresentedNames). */
  static final String PRESENTED_SCHEMA =
      "JOIN pg_gateway_schema_names names ON names.database_name = %s AND names.schema_name = %s ";

  /** The session's database and, on a read-only tier, the catalog of the lake's views (see PresentedNames). */
  static final String SESSION_CATALOGS =
      "(current_database(), " + SqlIdentifiers.literal(ReadOnlyLakeViews.CATALOG) + ") ";

  /** Needs pg_type, pg_gateway_type_oid, pg_gateway_typmod, pg_gateway_lake_views and pg_gateway_schema_names. */
  static List<String> statements(String database) {
    String catalog = SqlIdentifiers.literal(database);
    return List.of(
        "CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_tables AS SELECT t.* REPLACE ("
            + catalog + " AS table_catalog, names.presented_schema AS table_schema, names.name_prefix || t.table_name AS table_name, "
            + "CASE WHEN lake.view_name IS NOT NULL THEN 'BASE TABLE' ELSE t.table_type END AS table_type) "
            + "FROM information_schema.tables t " + PRESENTED_SCHEMA.formatted("t.table_catalog", "t.table_schema")
            + "LEFT JOIN pg_gateway_lake_views lake "
            + "ON lake.schema_name = t.table_schema AND lake.view_name = t.table_name AND t.table_catalog IN " + SESSION_CATALOGS
            + "WHERE t.table_catalog <> 'temp'",
        // numeric_precision and numeric_scale of a numeric come from its typmod; the other numbers are DuckDB's.
        "CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_columns AS SELECT c.* REPLACE ("
            + catalog + " AS table_catalog, names.presented_schema AS table_schema, names.name_prefix || c.table_name AS table_name, "
            + "CASE WHEN ty.typcategory = 'A' THEN 'ARRAY' WHEN ty.oid IS NULL THEN 'USER-DEFINED' "
            + "ELSE format_type(ty.oid, NULL) END AS data_type, "
            + catalog + " AS udt_catalog, CASE WHEN ty.oid IS NULL THEN NULL ELSE 'pg_catalog' END AS udt_schema, "
            + "ty.typname AS udt_name, COALESCE(c.is_identity, 'NO') AS is_identity, "
            + "CASE WHEN ty.oid = 1700 THEN (pg_gateway_typmod(c.data_type) - 4) >> 16 ELSE c.numeric_precision END AS numeric_precision, "
            + "CASE WHEN ty.oid = 1700 THEN (pg_gateway_typmod(c.data_type) - 4) & 65535 ELSE c.numeric_scale END AS numeric_scale, "
            // char(n) and varchar(n): the length the gateway recorded (see DeclaredTypeColumns).
            + "CASE WHEN " + DECLARED_TYPMOD + " >= 4 THEN " + DECLARED_TYPMOD + " - 4 ELSE c.character_maximum_length END "
            + "AS character_maximum_length) "
            + "FROM information_schema.columns c " + PRESENTED_SCHEMA.formatted("c.table_catalog", "c.table_schema")
            + "LEFT JOIN pg_type ty ON ty.oid = COALESCE(" + DeclaredTypeColumns.typeOid("c.data_type", "c.COLUMN_COMMENT") + ", "
            + "pg_gateway_type_oid(c.data_type)) "
            + "WHERE c.table_catalog <> 'temp'");
  }
}
