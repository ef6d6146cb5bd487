package io.analytics.gateway.pgcatalog;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.SqlIdentifiers;
import io.analytics.engine.lake.ReadOnlyLakeViews;
import java.util.List;

/**
 * The names PostgreSQL clients see for DuckDB's schemas and relations, one per object whatever the
 * path. The warehouse's own schema (DuckDB's {@code main}) is {@code public}, as the search path
 * says. A PostgreSQL source is schema {@code <source>} holding {@code table} (the source's
 * {@code public.table}) and {@code schema__table} (any other exposed schema), both on the mirror
 * path (a warehouse schema named after the source, so nothing to rename) and on the live path (the
 * postgres extension's catalog {@code <source>}, one DuckDB schema per PostgreSQL schema): its
 * exposed schemas fold into one namespace, its other schemas and a stale mirror left in the
 * warehouse are hidden. On a read-only tier the lake's views are in a catalog of their own (the views'
 * file attached as {@value ReadOnlyLakeViews#CATALOG}); each of its schemas folds into the namespace of
 * the same name in the session's database (the snapshot's {@code bronze}), so {@code \dt} and JDBC
 * metadata list the datasets there as they do on the writers' instance, and is a namespace of its own
 * where that database has none (app's {@code gold}). Which sources exist and which schemas they expose come from the platform's
 * configuration; which path each takes is read from DuckDB (a live source is an attached catalog).
 */
final class PresentedNames {
  private PresentedNames() {}

  /** Creates pg_gateway_schema_names and pg_gateway_relation_names, which pg_class, pg_namespace and information_schema read. */
  static List<String> statements(PlatformConfig config) {
    StringBuilder exposed = new StringBuilder("CREATE OR REPLACE TEMP VIEW pg_gateway_source_schemas AS SELECT * FROM (VALUES ('', '')");
    for (PostgresSourceConfig source : config.sources()) {
      for (String schema : source.schemas()) {
        exposed.append(", (").append(SqlIdentifiers.literal(source.name())).append(", ").append(SqlIdentifiers.literal(schema)).append(')');
      }
    }
    exposed.append(") t(source_name, schema_name) WHERE source_name <> ''");
    String liveSources = "(SELECT DISTINCT e.source_name FROM pg_gateway_source_schemas e "
        + "JOIN duckdb_databases() d ON d.database_name = e.source_name)";
    // A live source's namespace is the lowest oid among its exposed schemas (one row for all of them).
    String sourceNamespace = "(SELECT min(CAST(x.oid AS BIGINT)) FROM duckdb_schemas() x JOIN pg_gateway_source_schemas e "
        + "ON e.source_name = x.database_name AND e.schema_name = x.schema_name WHERE x.database_name = s.database_name)";
    String viewsCatalog = SqlIdentifiers.literal(ReadOnlyLakeViews.CATALOG);
    // The session database's schema a schema of the views' catalog folds into (null: none of that name).
    String sameNamed = "(SELECT CAST(x.oid AS BIGINT) FROM duckdb_schemas() x "
        + "WHERE x.database_name = current_database() AND x.schema_name = s.schema_name)";
    String views = "s.database_name = " + viewsCatalog + " AND s.database_name <> current_database()";
    return List.of(
        exposed.toString(),
        "CREATE OR REPLACE TEMP VIEW pg_gateway_schema_names AS SELECT CAST(s.oid AS BIGINT) AS oid, s.database_name, s.schema_name, "
            + "CASE WHEN live THEN s.database_name WHEN s.database_name = current_database() AND s.schema_name = 'main' THEN 'public' "
            + "ELSE s.schema_name END AS presented_schema, "
            + "CASE WHEN live THEN " + sourceNamespace + " WHEN " + views + " THEN COALESCE(" + sameNamed + ", CAST(s.oid AS BIGINT)) "
            + "ELSE CAST(s.oid AS BIGINT) END AS presented_oid, "
            + "CASE WHEN live AND s.schema_name <> 'public' THEN s.schema_name || '__' ELSE '' END AS name_prefix, "
            // A namespace clients see: the session database's schemas, the sources', and the views' catalog's own.
            + "s.database_name = current_database() OR s.database_name IN (SELECT source_name FROM pg_gateway_source_schemas) "
            + "OR (" + views + " AND " + sameNamed + " IS NULL) AS listed "
            + "FROM (SELECT s.*, s.database_name IN " + liveSources + " AS live FROM duckdb_schemas() s) s "
            + "WHERE (NOT live OR EXISTS (SELECT 1 FROM pg_gateway_source_schemas e "
            + "WHERE e.source_name = s.database_name AND e.schema_name = s.schema_name)) "
            + "AND NOT (s.database_name = current_database() AND s.schema_name IN " + liveSources + ")",
        "CREATE OR REPLACE TEMP VIEW pg_gateway_relation_names AS SELECT CAST(r.oid AS BIGINT) AS oid, "
            + "CAST(r.schema_oid AS BIGINT) AS schema_oid, n.presented_schema, n.presented_oid, n.name_prefix || r.name AS presented_name "
            + "FROM (SELECT table_oid AS oid, schema_oid, database_name, schema_name, table_name AS name FROM duckdb_tables() "
            + "UNION ALL SELECT view_oid, schema_oid, database_name, schema_name, view_name FROM duckdb_views()) r "
            + "JOIN pg_gateway_schema_names n ON n.database_name = r.database_name AND n.schema_name = r.schema_name",
        // PostgreSQL's name for the session's schema; the gateway's own lookups call DuckDB's as system.main.current_schema().
        "CREATE OR REPLACE TEMP MACRO current_schema() AS CASE system.main.current_schema() WHEN 'main' THEN 'public' "
            + "ELSE system.main.current_schema() END");
  }
}
