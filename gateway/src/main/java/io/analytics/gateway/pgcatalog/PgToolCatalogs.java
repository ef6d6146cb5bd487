package io.analytics.gateway.pgcatalog;

import io.analytics.engine.duckdb.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogs DBeaver, pgAdmin and other administration tools read that DuckDB lacks, with
 * PostgreSQL 15's columns (names and order from its pg_attribute): empty where nothing of the kind
 * exists here (shared descriptions, operator classes, conversions, foreign servers and wrappers,
 * locks, rules, triggers), PostgreSQL's built-in languages in pg_language, a row of zero I/O counts
 * per user table in pg_statio_user_tables, and information_schema.schemata and .views listing the
 * client's database only (not DuckDB's system and temp catalogs or its duckdb_* views).
 */
final class PgToolCatalogs {
  /** Relation name, then its columns as "name TYPE" pairs, in PostgreSQL 15's order. */
  private static final List<List<String>> EMPTY = List.of(
      List.of("pg_shdescription", "objoid BIGINT", "classoid BIGINT", "description VARCHAR"),
      List.of("pg_opclass", "oid BIGINT", "opcmethod BIGINT", "opcname VARCHAR", "opcnamespace BIGINT", "opcowner BIGINT",
          "opcfamily BIGINT", "opcintype BIGINT", "opcdefault BOOLEAN", "opckeytype BIGINT"),
      List.of("pg_conversion", "oid BIGINT", "conname VARCHAR", "connamespace BIGINT", "conowner BIGINT",
          "conforencoding INTEGER", "contoencoding INTEGER", "conproc BIGINT", "condefault BOOLEAN"),
      List.of("pg_foreign_server", "oid BIGINT", "srvname VARCHAR", "srvowner BIGINT", "srvfdw BIGINT", "srvtype VARCHAR",
          "srvversion VARCHAR", "srvacl VARCHAR[]", "srvoptions VARCHAR[]"),
      List.of("pg_foreign_data_wrapper", "oid BIGINT", "fdwname VARCHAR", "fdwowner BIGINT", "fdwhandler BIGINT",
          "fdwvalidator BIGINT", "fdwacl VARCHAR[]", "fdwoptions VARCHAR[]"),
      List.of("pg_locks", "locktype VARCHAR", "database BIGINT", "relation BIGINT", "page INTEGER", "tuple SMALLINT",
          "virtualxid VARCHAR", "transactionid BIGINT", "classid BIGINT", "objid BIGINT", "objsubid SMALLINT",
          "virtualtransaction VARCHAR", "pid INTEGER", "mode VARCHAR", "granted BOOLEAN", "fastpath BOOLEAN", "waitstart TIMESTAMPTZ"),
      List.of("pg_rules", "schemaname VARCHAR", "tablename VARCHAR", "rulename VARCHAR", "definition VARCHAR"),
      List.of("pg_trigger", "oid BIGINT", "tgrelid BIGINT", "tgparentid BIGINT", "tgname VARCHAR", "tgfoid BIGINT",
          "tgtype SMALLINT", "tgenabled VARCHAR", "tgisinternal BOOLEAN", "tgconstrrelid BIGINT", "tgconstrindid BIGINT",
          "tgconstraint BIGINT", "tgdeferrable BOOLEAN", "tginitdeferred BOOLEAN", "tgnargs SMALLINT", "tgattr VARCHAR",
          "tgargs BLOB", "tgqual VARCHAR", "tgoldtable VARCHAR", "tgnewtable VARCHAR"));

  private PgToolCatalogs() {}

  /** Needs pg_stat_user_tables and pg_gateway_lake_views. */
  static List<String> statements(String database) {
    List<String> sql = new ArrayList<>();
    for (List<String> relation : EMPTY) {
      StringBuilder view = new StringBuilder("CREATE OR REPLACE TEMP VIEW ").append(relation.get(0)).append(" AS SELECT ");
      for (int i = 1; i < relation.size(); i++) {
        String[] column = relation.get(i).split(" ", 2);
        view.append(i > 1 ? ", " : "").append("CAST(NULL AS ").append(column[1]).append(") AS ").append(column[0]);
      }
      sql.add(view.append(" WHERE false").toString());
    }
    // PostgreSQL's built-in languages, with their OIDs; plpgsql is an extension this server does not have.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_language AS SELECT CAST(oid AS BIGINT) AS oid, lanname, CAST(10 AS BIGINT) AS lanowner, "
        + "false AS lanispl, lanpltrusted, CAST(0 AS BIGINT) AS lanplcallfoid, CAST(0 AS BIGINT) AS laninline, "
        + "CAST(lanvalidator AS BIGINT) AS lanvalidator, CAST(NULL AS VARCHAR[]) AS lanacl "
        + "FROM (VALUES (12, 'internal', false, 2246), (13, 'c', false, 2247), (14, 'sql', true, 2248)) t(oid, lanname, lanpltrusted, lanvalidator)");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_statio_user_tables AS SELECT relid, schemaname, relname, "
        + "CAST(0 AS BIGINT) AS heap_blks_read, CAST(0 AS BIGINT) AS heap_blks_hit, CAST(0 AS BIGINT) AS idx_blks_read, "
        + "CAST(0 AS BIGINT) AS idx_blks_hit, CAST(NULL AS BIGINT) AS toast_blks_read, CAST(NULL AS BIGINT) AS toast_blks_hit, "
        + "CAST(NULL AS BIGINT) AS tidx_blks_read, CAST(NULL AS BIGINT) AS tidx_blks_hit FROM pg_stat_user_tables");
    // PostgreSQL answers the view's query alone, without DuckDB's "CREATE VIEW name AS" and semicolon.
    String viewQuery = "(SELECT regexp_replace(regexp_replace(sql, '^\\s*CREATE\\s.*?\\bAS\\s+', '', 's'), ';\\s*$', '') "
        + "FROM duckdb_views() WHERE CAST(duckdb_views.view_oid AS BIGINT) = CAST(pg_gateway_view AS BIGINT) LIMIT 1)";
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_viewdef(pg_gateway_view) AS " + viewQuery
        + ", (pg_gateway_view, pg_gateway_pretty) AS " + viewQuery);
    // DuckDB's pg_tables lists DuckDB's schema names and leaves out the lake's datasets.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_tables AS SELECT n.nspname AS schemaname, c.relname AS tablename, "
        + "'analytics' AS tableowner, CAST(NULL AS VARCHAR) AS tablespace, c.relhasindex AS hasindexes, false AS hasrules, "
        + "false AS hastriggers, false AS rowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE c.relkind IN ('r', 'p')");
    String catalog = SqlIdentifiers.literal(database);
    // A live source's exposed schemas are one schema, named after it (see PresentedNames).
    sql.add("CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_schemata AS SELECT s.* REPLACE (" + catalog + " AS catalog_name, "
        + "names.presented_schema AS schema_name) FROM information_schema.schemata s "
        + InformationSchemaViews.PRESENTED_SCHEMA.formatted("s.catalog_name", "s.schema_name")
        + "WHERE (names.listed AND names.oid = names.presented_oid) "
        + "OR (s.catalog_name = 'system' AND s.schema_name IN ('pg_catalog', 'information_schema'))");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_views AS SELECT v.* REPLACE (" + catalog + " AS table_catalog, "
        + "names.presented_schema AS table_schema) "
        + "FROM information_schema.views v " + InformationSchemaViews.PRESENTED_SCHEMA.formatted("v.table_catalog", "v.table_schema")
        + "LEFT JOIN pg_gateway_lake_views lake "
        + "ON lake.schema_name = v.table_schema AND lake.view_name = v.table_name "
        + "WHERE v.table_catalog = current_database() AND lake.view_name IS NULL");
    return sql;
  }
}
