package io.analytics.gateway.pgcatalog;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.session.ServerVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog objects DuckDB lacks or answers differently from PostgreSQL, created as TEMP macros
 * and views in each session (so they see the session's database name and are never stored in the
 * warehouse). Together with {@link PgCatalogRewriter} they make psql's list commands work: the
 * lake's datasets are tables ({@code relkind 'r'}, not DuckDB's 'v'), owners, roles and the
 * database are the platform's. Each object is written once, as SQL in a resource ({@link
 * CatalogSqlResource}) or by the small class that builds it from the session's facts; {@link
 * #statements} lists them in the order they are created.
 */
public final class PgCatalogObjects {
  private PgCatalogObjects() {}

  private static final java.util.Set<String> NAMES = java.util.Set.of(
      "format_type", "obj_description", "col_description", "array_upper", "array_lower", "information_schema", "version",
      "current_schemas", "current_schema", "regclass", "format");

  /** The OID of DuckDB's pg_catalog schema, where the builtin types and functions live (PostgreSQL's is 11). */
  static final String PG_CATALOG_OID =
      "(SELECT CAST(oid AS BIGINT) FROM duckdb_schemas() WHERE database_name = 'system' AND schema_name = 'pg_catalog')";

  /** Whether the statement may use these objects: it names something pg_*, a catalog function or schema. */
  public static boolean neededBy(io.analytics.gateway.sql.SqlStatement statement) {
    for (io.analytics.gateway.sql.Token token : statement.tokens()) {
      if (token.type() == io.analytics.gateway.sql.TokenType.WORD || token.type() == io.analytics.gateway.sql.TokenType.QUOTED_IDENTIFIER) {
        String name = token.value().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("pg_") || NAMES.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  public static List<String> statements(PlatformConfig config, String database) {
    return statements(config, database, List.of());
  }

  /**
   * The statements that create the objects, in an order where each finds what it uses.
   *
   * @param lake each lake dataset's size, row count and descriptions, for pg_table_size, reltuples,
   *     obj_description and col_description (psql's \\dt+ and \\d+, BI tools' table browsers)
   */
  public static List<String> statements(PlatformConfig config, String database, List<LakeCatalogFacts.DatasetFacts> lake) {
    Map<String, String> server = Map.of("server_version", ServerVersion.VERSION, "server_version_num", ServerVersion.VERSION_NUM);
    List<String> sql = new ArrayList<>(LakeFactViews.statements(lake));
    // DuckDB's pg_namespace holds only the current database's schemas, and a read-only tier's lake
    // views are in a catalog of their own (see PresentedNames): DuckDB's relations are named from this.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_gateway_schemas AS SELECT oid, schema_name AS nspname FROM duckdb_schemas() "
        + "WHERE database_name NOT IN ('system', 'temp')");
    sql.addAll(CatalogSqlResource.statements("lake-descriptions"));
    sql.addAll(CatalogSqlResource.statements("sizes"));
    sql.addAll(CatalogSqlResource.statements("session-functions", server));
    sql.addAll(FormatMacros.statements());
    sql.addAll(PresentedNames.statements(config));
    sql.addAll(SearchPathVisibility.statements());
    sql.addAll(CatalogSqlResource.statements("relation-functions"));
    sql.addAll(PgKeyCatalog.statements());
    sql.addAll(CatalogSqlResource.statements("client-functions"));
    sql.addAll(CatalogSqlResource.statements("pg_settings", server));
    sql.addAll(CatalogSqlResource.statements("client-objects"));
    sql.addAll(CatalogSqlResource.statements("pg_class", Map.of(
        "relkind", "CASE WHEN c.relkind = 'v' AND lake.view_name IS NOT NULL THEN 'r' ELSE c.relkind END",
        "tables_with_foreign_keys", PgKeyCatalog.tablesWithForeignKeys(),
        "key_index_relations", PgKeyCatalog.keyIndexRelations())));
    sql.addAll(CatalogSqlResource.statements("pg_database", Map.of("database", LakeFactViews.text(database))));
    sql.add(PgRoles.view(config));
    sql.addAll(CatalogSqlResource.statements("pg_namespace"));
    sql.add(PgTypeMacros.typeOid());
    sql.add(PgTypeMacros.typeModifier());
    sql.add(PgTypeMacros.formatType());
    sql.add(PgTypeMacros.pgType());
    sql.addAll(CatalogSqlResource.statements("pg_attribute", Map.of("index_attributes", PgKeyCatalog.indexAttributes(),
        "declared_type_oid", DeclaredTypeColumns.typeOid("col.data_type", "col.comment"),
        "declared_typmod", DeclaredTypeColumns.typmod("col.data_type", "col.comment"))));
    sql.add(PgFunctionCatalog.pgProc());
    sql.addAll(InformationSchemaViews.statements(database));
    sql.addAll(InformationSchemaKeys.statements(database));
    sql.addAll(PgStatTables.statements());
    sql.addAll(PgStatistics.statements(lake));
    sql.addAll(PgToolCatalogs.statements(database));
    sql.addAll(CatalogSqlResource.statements("expression-functions"));
    sql.addAll(PgFunctionCatalog.signatureMacros());
    sql.addAll(CatalogSqlResource.statements("absent-features"));
    sql.addAll(CatalogSqlResource.statements("role-views"));
    return sql;
  }
}
