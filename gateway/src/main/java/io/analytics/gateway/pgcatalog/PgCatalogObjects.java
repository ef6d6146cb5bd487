package io.analytics.gateway.pgcatalog;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.catalog.home.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog objects DuckDB lacks or answers differently from PostgreSQL, created as TEMP macros
 * and views in each session (so they see the session's database name and are never stored in the
 * warehouse). Together with {@link PgCatalogRewriter} they make psql's list commands work: the
 * lake's datasets are tables ({@code relkind 'r'}, not DuckDB's 'v'), owners, roles and the
 * database are the platform's.
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
   * @param lake each lake dataset's size, row count and descriptions, for pg_table_size, reltuples,
   *     obj_description and col_description (psql's \\dt+ and \\d+, BI tools' table browsers)
   */
  public static List<String> statements(PlatformConfig config, String database, List<LakeCatalogFacts.DatasetFacts> lake) {
    List<String> sql = new ArrayList<>();
    StringBuilder facts = new StringBuilder("CREATE OR REPLACE TEMP VIEW pg_gateway_lake_sizes AS SELECT * FROM (VALUES ");
    facts.append("('', '', CAST(0 AS BIGINT), CAST(-1 AS BIGINT))");
    StringBuilder descriptions = new StringBuilder("CREATE OR REPLACE TEMP VIEW pg_gateway_lake_descriptions AS SELECT * FROM (VALUES ");
    descriptions.append("('', '', '', '')");
    for (Layer layer : Layer.values()) {
      descriptions.append(", (").append(text(layer.schemaName())).append(", '', '', ").append(text(LAYER_DESCRIPTIONS.get(layer))).append(')');
    }
    for (LakeCatalogFacts.DatasetFacts dataset : lake) {
      facts.append(", (").append(text(dataset.schema())).append(", ").append(text(dataset.name()))
          .append(", CAST(").append(dataset.bytes()).append(" AS BIGINT), CAST(").append(dataset.rows()).append(" AS BIGINT))");
      if (dataset.description() != null) {
        descriptions.append(", (").append(text(dataset.schema())).append(", ").append(text(dataset.name())).append(", '', ")
            .append(text(dataset.description())).append(')');
      }
      for (java.util.Map.Entry<String, String> column : dataset.columnDescriptions().entrySet()) {
        descriptions.append(", (").append(text(dataset.schema())).append(", ").append(text(dataset.name())).append(", ")
            .append(text(column.getKey())).append(", ").append(text(column.getValue())).append(')');
      }
    }
    sql.add(facts.append(") t(schema_name, relname, bytes, row_count)").toString());
    sql.add(descriptions.append(") t(schema_name, relname, column_name, description)").toString());
    sql.addAll(descriptionObjects());
    // The macro's own aliases must not be ones callers use (pg_table_size(c.oid) would bind c to the macro's pg_class).
    sql.add("CREATE OR REPLACE TEMP MACRO pg_table_size(relation) AS COALESCE((SELECT pg_gateway_s.bytes FROM pg_catalog.pg_class pg_gateway_c "
        + "JOIN pg_catalog.pg_namespace pg_gateway_n ON pg_gateway_n.oid = pg_gateway_c.relnamespace JOIN pg_gateway_lake_sizes pg_gateway_s "
        + "ON pg_gateway_s.schema_name = pg_gateway_n.nspname AND pg_gateway_s.relname = pg_gateway_c.relname "
        + "WHERE pg_gateway_c.oid = relation LIMIT 1), 0)");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_relation_size(relation) AS pg_table_size(relation), "
        + "(relation, fork) AS pg_table_size(relation)");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_total_relation_size(relation) AS pg_table_size(relation)");
    // The lake's Parquet files are the database's size; the lake has no indexes.
    sql.add("CREATE OR REPLACE TEMP MACRO pg_database_size(database) AS "
        + "CAST((SELECT coalesce(sum(bytes), 0) FROM pg_gateway_lake_sizes) AS BIGINT)");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_indexes_size(relation) AS CAST(0 AS BIGINT)");
    // PostgreSQL's rounding: whole bytes below 10 kB, then kB, MB, GB, TB, each rounded half up.
    sql.add("CREATE OR REPLACE TEMP MACRO pg_size_pretty(bytes) AS CASE "
        // The limits are written out: DuckDB folds 10 * 1024 * ... in INTEGER, which overflows.
        + "WHEN abs(bytes) < 10240 THEN bytes || ' bytes' "
        + "WHEN abs(bytes) < 10485760 THEN round(bytes / 1024.0)::BIGINT || ' kB' "
        + "WHEN abs(bytes) < 10737418240 THEN round(bytes / 1048576.0)::BIGINT || ' MB' "
        + "WHEN abs(bytes) < 10995116277760 THEN round(bytes / 1073741824.0)::BIGINT || ' GB' "
        + "ELSE round(bytes / 1099511627776.0)::BIGINT || ' TB' END");
    // Drivers and BI tools parse "PostgreSQL <major>.<minor>" out of version(); DuckDB's own says only "v1.x".
    sql.add("CREATE OR REPLACE TEMP MACRO version() AS 'PostgreSQL " + io.analytics.gateway.session.ServerVersion.VERSION
        + " (Analytics Platform gateway on DuckDB ' || (SELECT library_version FROM pragma_version()) "
        + "|| ') on x86_64-pc-linux-gnu, compiled by javac, 64-bit'");
    // DuckDB's lists every attached database's main schema and leaves the explicit list empty; the
    // session's schema is what its search_path resolves to (public is main).
    sql.add("CREATE OR REPLACE TEMP MACRO current_schemas(include_implicit) AS CASE WHEN include_implicit "
        + "THEN ['pg_catalog', current_schema()] ELSE [current_schema()] END");
    sql.addAll(formatMacros());
    sql.addAll(PresentedNames.statements(config));
    sql.addAll(SearchPathVisibility.statements());
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_userbyid(id) AS 'analytics'");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_encoding_to_char(encoding) AS 'UTF8'");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_gateway_relation_oid(name) AS (SELECT c.oid FROM pg_catalog.pg_class c "
        + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE c.relname = string_split(replace(name, '\"', ''), '.')[-1] "
        + "AND (len(string_split(name, '.')) = 1 OR n.nspname = string_split(replace(name, '\"', ''), '.')[-2]) LIMIT 1)");
    // The system catalogs have PostgreSQL's fixed OIDs (drivers write d.classoid = 'pg_class'::regclass).
    // An OID (a number, or its text) is already the relation, as PostgreSQL's regclass input takes it.
    sql.add("CREATE OR REPLACE TEMP MACRO pg_regclass(name) AS CASE WHEN TRY_CAST(CAST(name AS VARCHAR) AS BIGINT) IS NOT NULL "
        + "THEN TRY_CAST(CAST(name AS VARCHAR) AS BIGINT) ELSE CASE replace(replace(CAST(name AS VARCHAR), 'pg_catalog.', ''), '\"', '') "
        + "WHEN 'pg_class' THEN 1259 WHEN 'pg_namespace' THEN 2615 WHEN 'pg_attribute' THEN 1249 WHEN 'pg_type' THEN 1247 "
        + "WHEN 'pg_proc' THEN 1255 WHEN 'pg_constraint' THEN 2606 WHEN 'pg_description' THEN 2609 WHEN 'pg_database' THEN 1262 "
        + "WHEN 'pg_authid' THEN 1260 ELSE pg_gateway_relation_oid(CAST(name AS VARCHAR)) END END");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_statisticsobjdef_columns(oid) AS CAST(NULL AS VARCHAR)");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_relation_is_publishable(oid) AS false");
    sql.add("CREATE OR REPLACE TEMP MACRO array_upper(a, dimension) AS CASE WHEN len(a) = 0 THEN NULL ELSE len(a) END");
    sql.add("CREATE OR REPLACE TEMP MACRO array_lower(a, dimension) AS CASE WHEN len(a) = 0 THEN NULL ELSE 1 END");
    sql.addAll(PgKeyCatalog.statements());
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_triggerdef(oid) AS CAST(NULL AS VARCHAR), (oid, pretty) AS CAST(NULL AS VARCHAR)");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_partkeydef(oid) AS CAST(NULL AS VARCHAR)");
    // DBeaver asks for the server's keywords to quote identifiers; DuckDB's parser keeps its own list.
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_keywords() AS TABLE SELECT keyword_name AS word, "
        + "CASE keyword_category WHEN 'reserved' THEN 'R' WHEN 'type_function' THEN 'T' WHEN 'column_name' THEN 'C' ELSE 'U' END AS catcode, "
        + "true AS barelabel, CASE keyword_category WHEN 'reserved' THEN 'reserved' WHEN 'type_function' THEN 'reserved (can be function or type name)' "
        + "WHEN 'column_name' THEN 'unreserved (cannot be function or type name)' ELSE 'unreserved' END AS catdesc, "
        + "'can be bare label' AS baredesc FROM duckdb_keywords()");
    sql.add("CREATE OR REPLACE TEMP MACRO pg_is_in_recovery() AS false");
    // DuckDB's pg_settings lists DuckDB's settings; drivers also read PostgreSQL's limits from it.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_settings AS SELECT * FROM pg_catalog.pg_settings UNION ALL BY NAME "
        + "SELECT * FROM (VALUES ('max_index_keys', '32'), ('max_identifier_length', '63'), ('max_function_args', '100'), "
        + "('block_size', '8192'), ('server_version', '" + io.analytics.gateway.session.ServerVersion.VERSION + "'), "
        + "('server_version_num', '" + io.analytics.gateway.session.ServerVersion.VERSION_NUM + "')) t(name, setting)");
    // pgjdbc's getPrimaryKeys and getIndexInfo expand index keys with this set-returning function; DuckDB
    // unnests both uses in one select list side by side, as PostgreSQL runs them.
    sql.add("CREATE OR REPLACE TEMP MACRO _pg_expandarray(a) AS unnest(list_transform(a, lambda v, i: {'x': v, 'n': i}))");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_extension AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS extname, "
        + "CAST(NULL AS BIGINT) AS extowner, CAST(NULL AS BIGINT) AS extnamespace, false AS extrelocatable, "
        + "CAST(NULL AS VARCHAR) AS extversion, CAST(NULL AS BIGINT[]) AS extconfig, CAST(NULL AS VARCHAR[]) AS extcondition WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_matviews AS SELECT CAST(NULL AS VARCHAR) AS schemaname, CAST(NULL AS VARCHAR) AS matviewname, "
        + "CAST(NULL AS VARCHAR) AS matviewowner, CAST(NULL AS VARCHAR) AS tablespace, false AS hasindexes, false AS ispopulated, "
        + "CAST(NULL AS VARCHAR) AS definition WHERE false");
    // The lake has no sequences, serial or identity columns.
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_serial_sequence(relation, column_name) AS CAST(NULL AS VARCHAR)");
    // Lake datasets are views over Parquet in DuckDB, but tables to their users.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_gateway_lake_views AS SELECT schema_name, view_name FROM duckdb_views() "
        + "WHERE NOT internal AND sql LIKE '%read_parquet(%'");
    String relkind = "CASE WHEN c.relkind = 'v' AND lake.view_name IS NOT NULL THEN 'r' ELSE c.relkind END";
    // Tables are heap and indexes btree, as PostgreSQL's (DuckDB's relam 0 is its "art"); replica identity "default".
    sql.add("CREATE OR REPLACE TEMP VIEW pg_class AS SELECT c.* REPLACE ("
        + "COALESCE(names.presented_name, c.relname) AS relname, COALESCE(names.presented_oid, c.relnamespace) AS relnamespace, "
        + relkind + " AS relkind, CAST(10 AS BIGINT) AS relowner, CAST(NULL AS VARCHAR[]) AS reloptions, "
        + "CASE " + relkind + " WHEN 'r' THEN 2 WHEN 'i' THEN 403 ELSE 0 END AS relam, "
        + "CASE WHEN " + relkind + " = 'r' THEN 'd' ELSE 'n' END AS relreplident, "
        + "c.oid IN " + PgKeyCatalog.tablesWithForeignKeys() + " AS relhastriggers, "
        + "CAST(COALESCE(facts.row_count, c.reltuples) AS FLOAT) AS reltuples), false AS relforcerowsecurity "
        + "FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        + "LEFT JOIN pg_gateway_lake_sizes facts ON facts.schema_name = n.nspname AND facts.relname = c.relname "
        + "LEFT JOIN pg_gateway_lake_views lake "
        + "ON lake.schema_name = n.nspname AND lake.view_name = c.relname "
        + "LEFT JOIN pg_gateway_relation_names names ON names.oid = c.oid AND names.schema_oid = c.relnamespace "
        // Tables and views of schemas no client sees are left out (see PresentedNames).
        + "WHERE (names.oid IS NOT NULL OR c.relkind NOT IN ('r', 'v')) "
        // The session's own TEMP catalog objects are not the user's relations.
        + "AND c.oid NOT IN (SELECT view_oid FROM duckdb_views() WHERE temporary "
        + "UNION ALL SELECT table_oid FROM duckdb_tables() WHERE temporary) "
        + "UNION ALL BY NAME " + PgKeyCatalog.keyIndexRelations());
    sql.add("CREATE OR REPLACE TEMP VIEW pg_database AS SELECT CAST(1 AS BIGINT) AS oid, '" + database.replace("'", "''")
        + "' AS datname, CAST(10 AS BIGINT) AS datdba, 6 AS encoding, 'c' AS datlocprovider, "
        + "false AS datistemplate, true AS datallowconn, -1 AS datconnlimit, 'C' AS datcollate, 'C' AS datctype, "
        + "CAST(NULL AS VARCHAR) AS daticulocale, CAST(NULL AS VARCHAR) AS datcollversion, CAST(NULL AS VARCHAR[]) AS datacl, "
        + "CAST(0 AS BIGINT) AS dattablespace");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_roles AS " + roles(config));
    // DuckDB lists only the current database's schemas; the types and functions clients join with
    // pg_namespace (pgjdbc's getTypeInfo, TypeInfoCache) live in pg_catalog.
    // Schemas by the names clients see (see PresentedNames): public for DuckDB's main, one per source.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_namespace AS SELECT DISTINCT presented_oid AS oid, presented_schema AS nspname, "
        + "CAST(10 AS BIGINT) AS nspowner, CAST(NULL AS VARCHAR[]) AS nspacl FROM pg_gateway_schema_names "
        + "WHERE database_name = current_database() OR database_name IN (SELECT source_name FROM pg_gateway_source_schemas) "
        + "UNION ALL SELECT CAST(oid AS BIGINT), schema_name, CAST(10 AS BIGINT), CAST(NULL AS VARCHAR[]) FROM duckdb_schemas() "
        + "WHERE database_name = 'system' AND schema_name IN ('pg_catalog', 'information_schema')");
    sql.add(PgTypeMacros.typeOid());
    sql.add(PgTypeMacros.typeModifier());
    sql.add(PgTypeMacros.formatType());
    sql.add(PgTypeMacros.pgType());
    // Columns carry the OIDs and modifiers RowDescription sends for them, from the one type registry.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_gateway_attribute AS SELECT a.* REPLACE ("
        + "COALESCE(" + DeclaredTypeColumns.typeOid("col.data_type", "col.comment") + ", pg_gateway_type_oid(col.data_type), a.atttypid) AS atttypid, "
        + "COALESCE(" + DeclaredTypeColumns.typmod("col.data_type", "col.comment") + ", pg_gateway_typmod(col.data_type), a.atttypmod) AS atttypmod, "
        + "-1 AS attstattarget) "
        + "FROM pg_catalog.pg_attribute a LEFT JOIN duckdb_columns() col "
        + "ON col.table_oid = a.attrelid AND col.column_index = a.attnum "
        + "UNION ALL BY NAME " + PgKeyCatalog.indexAttributes());
    // PostgreSQL's storage of each column's type (psql's \\d+ "Storage"); DuckDB leaves it empty.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_attribute AS SELECT a.* REPLACE ("
        + "COALESCE(t.typstorage, 'p') AS attstorage) FROM pg_gateway_attribute a LEFT JOIN pg_type t ON t.oid = a.atttypid");
    sql.add(PgFunctionCatalog.pgProc());
    sql.addAll(InformationSchemaViews.statements(database));
    sql.addAll(InformationSchemaKeys.statements(database));
    sql.addAll(PgStatTables.statements());
    sql.addAll(PgStatistics.statements(lake));
    sql.addAll(PgToolCatalogs.statements(database));
    sql.add("CREATE OR REPLACE TEMP MACRO pg_get_expr(expression, relation) AS CAST(NULL AS VARCHAR), "
        + "(expression, relation, pretty) AS CAST(NULL AS VARCHAR)");
    sql.addAll(PgFunctionCatalog.signatureMacros());
    // Catalogs of features the lake does not have: present and empty, so clients' queries run.
    sql.add("CREATE OR REPLACE TEMP VIEW pg_inherits AS SELECT CAST(NULL AS BIGINT) AS inhrelid, CAST(NULL AS BIGINT) AS inhparent, "
        + "CAST(NULL AS INTEGER) AS inhseqno, false AS inhdetachpending WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_policy AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS polname, "
        + "CAST(NULL AS BIGINT) AS polrelid, CAST(NULL AS VARCHAR) AS polcmd, true AS polpermissive, CAST(NULL AS BIGINT[]) AS polroles, "
        + "CAST(NULL AS VARCHAR) AS polqual, CAST(NULL AS VARCHAR) AS polwithcheck WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_publication AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS pubname, "
        + "false AS puballtables, false AS pubinsert, false AS pubupdate, false AS pubdelete, false AS pubtruncate, false AS pubviaroot WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_publication_rel AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS BIGINT) AS prpubid, "
        + "CAST(NULL AS BIGINT) AS prrelid, CAST(NULL AS VARCHAR) AS prqual, CAST(NULL AS INTEGER[]) AS prattrs WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_publication_namespace AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS BIGINT) AS pnpubid, "
        + "CAST(NULL AS BIGINT) AS pnnspid WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_statistic_ext AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS BIGINT) AS stxrelid, "
        + "CAST(NULL AS VARCHAR) AS stxname, CAST(NULL AS BIGINT) AS stxnamespace, CAST(NULL AS INTEGER[]) AS stxkeys, "
        + "CAST(NULL AS INTEGER) AS stxstattarget, CAST(NULL AS VARCHAR[]) AS stxkind, CAST(NULL AS VARCHAR) AS stxexprs WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_rewrite AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS rulename, "
        + "CAST(NULL AS BIGINT) AS ev_class, CAST(NULL AS VARCHAR) AS ev_type, CAST(NULL AS VARCHAR) AS ev_enabled, false AS is_instead WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_partitioned_table AS SELECT CAST(NULL AS BIGINT) AS partrelid, CAST(NULL AS VARCHAR) AS partstrat, "
        + "CAST(NULL AS SMALLINT) AS partnatts WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_foreign_table AS SELECT CAST(NULL AS BIGINT) AS ftrelid, CAST(NULL AS BIGINT) AS ftserver, "
        + "CAST(NULL AS VARCHAR[]) AS ftoptions WHERE false");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_user AS SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb, "
        + "rolsuper AS usesuper, false AS userepl, false AS usebypassrls, '********' AS passwd, CAST(NULL AS TIMESTAMPTZ) AS valuntil, "
        + "CAST(NULL AS VARCHAR[]) AS useconfig FROM pg_roles WHERE rolcanlogin");
    sql.add("CREATE OR REPLACE TEMP VIEW pg_auth_members AS SELECT CAST(r.oid AS BIGINT) AS roleid, CAST(u.oid AS BIGINT) AS member, "
        + "CAST(10 AS BIGINT) AS grantor, false AS admin_option FROM pg_roles u JOIN pg_roles r ON r.rolname = u.role_name "
        + "WHERE u.rolcanlogin AND NOT r.rolcanlogin");
    return sql;
  }

  private static final java.util.Map<Layer, String> LAYER_DESCRIPTIONS = java.util.Map.of(
      Layer.BRONZE, "Raw data as ingested: append-only, hive-partitioned Parquet",
      Layer.SILVER, "Curated data: cleaned and conformed Parquet built from bronze",
      Layer.GOLD, "Aggregated data ready for dashboards and apps");

  /**
   * pg_description from the lake's declared schemas and layer descriptions (PostgreSQL's classoid
   * 1259 for relations and columns, 2615 for schemas), and obj_description / col_description over it.
   */
  private static List<String> descriptionObjects() {
    return List.of(
        "CREATE OR REPLACE TEMP VIEW pg_description AS "
            + "SELECT CAST(c.oid AS BIGINT) AS objoid, CAST(1259 AS BIGINT) AS classoid, "
            + "CAST(COALESCE(a.attnum, 0) AS INTEGER) AS objsubid, d.description "
            + "FROM pg_gateway_lake_descriptions d JOIN pg_catalog.pg_namespace n ON n.nspname = d.schema_name "
            + "JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = d.relname "
            + "LEFT JOIN pg_catalog.pg_attribute a ON d.column_name <> '' AND a.attrelid = c.oid AND a.attname = d.column_name "
            + "WHERE d.relname <> '' AND (d.column_name = '' OR a.attnum IS NOT NULL) "
            + "UNION ALL SELECT CAST(n.oid AS BIGINT), CAST(2615 AS BIGINT), 0, d.description "
            + "FROM pg_gateway_lake_descriptions d JOIN pg_catalog.pg_namespace n ON n.nspname = d.schema_name "
            + "WHERE d.relname = '' AND d.description <> ''",
        "CREATE OR REPLACE TEMP MACRO obj_description(object_id) AS (SELECT description FROM pg_description "
            + "WHERE objoid = object_id AND objsubid = 0 LIMIT 1), "
            + "(object_id, catalog_name) AS (SELECT description FROM pg_description WHERE objoid = object_id AND objsubid = 0 "
            + "AND classoid = CASE catalog_name WHEN 'pg_class' THEN 1259 WHEN 'pg_namespace' THEN 2615 ELSE -1 END LIMIT 1)",
        "CREATE OR REPLACE TEMP MACRO shobj_description(object_id, catalog_name) AS CAST(NULL AS VARCHAR)",
        "CREATE OR REPLACE TEMP MACRO col_description(table_id, column_number) AS (SELECT description FROM pg_description "
            + "WHERE objoid = table_id AND objsubid = column_number AND classoid = 1259 LIMIT 1)");
  }

  /** Arguments of PostgreSQL's format() that pg_gateway_format takes (its overloads: DuckDB macros are not variadic). */
  private static final int FORMAT_ARGUMENTS = 6;

  /**
   * pg_gateway_format(fmt, ...), PostgreSQL's format() with %s, %I and %L (BI tools build qualified
   * names with format('%I.%I', schema, table)): each argument fills the first placeholder left, a
   * %I quoted as an identifier when it is not a plain lower-case one, a %L as a literal.
   */
  private static List<String> formatMacros() {
    StringBuilder format = new StringBuilder("CREATE OR REPLACE TEMP MACRO pg_gateway_format(f) AS f");
    for (int count = 1; count <= FORMAT_ARGUMENTS; count++) {
      StringBuilder parameters = new StringBuilder("f");
      String body = "f";
      for (int i = 1; i <= count; i++) {
        parameters.append(", a").append(i);
        body = "pg_gateway_format_next(" + body + ", a" + i + ")";
      }
      format.append(", (").append(parameters).append(") AS ").append(body);
    }
    String text = "CAST(v AS VARCHAR)";
    String identifier = "CASE WHEN regexp_full_match(" + text + ", '[a-z_][a-z0-9_$]*') THEN " + text
        + " ELSE '\"' || replace(" + text + ", '\"', '\"\"') || '\"' END";
    String literal = "CASE WHEN v IS NULL THEN 'NULL' ELSE '''' || replace(" + text + ", '''', '''''') || '''' END";
    return List.of(
        // regexp_replace replaces the first match only; backslashes in the value are escaped for it.
        "CREATE OR REPLACE TEMP MACRO pg_gateway_format_next(f, v) AS CASE regexp_extract(f, '%([sIL])', 1) "
            + "WHEN 's' THEN regexp_replace(f, '%s', " + replacement("COALESCE(" + text + ", '')") + ") "
            + "WHEN 'I' THEN regexp_replace(f, '%I', " + replacement(identifier) + ") "
            + "WHEN 'L' THEN regexp_replace(f, '%L', " + replacement(literal) + ") ELSE f END",
        format.toString());
  }

  private static String replacement(String value) {
    return "replace(" + value + ", '\\', '\\\\')";
  }

  private static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** The four platform roles (group roles) and the configured users (login roles, members of their role). */
  private static String roles(PlatformConfig config) {
    StringBuilder values = new StringBuilder("SELECT * FROM (VALUES ");
    String[] platformRoles = {"app", "analyst", "engineer", "admin"};
    int oid = 16_384;
    boolean first = true;
    for (String role : platformRoles) {
      values.append(first ? "" : ", ").append(row(oid++, role, role.equals("admin"), false, role));
      first = false;
    }
    if (!config.hasUsers()) {
      values.append(", ").append(row(10, "analytics", true, true, "admin"));
    }
    for (UserConfig user : config.users()) {
      values.append(", ").append(row(oid++, user.name(), user.role().equals("admin"), true, user.role()));
    }
    return values.append(") t(oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, "
        + "rolconnlimit, rolpassword, rolvaliduntil, rolbypassrls, rolconfig, role_name)").toString();
  }

  private static String row(int oid, String name, boolean superuser, boolean login, String role) {
    return "(CAST(" + oid + " AS BIGINT), '" + name.replace("'", "''") + "', " + superuser + ", true, " + superuser + ", "
        + superuser + ", " + login + ", false, -1, '********', CAST(NULL AS TIMESTAMPTZ), " + superuser
        + ", CAST(NULL AS VARCHAR[]), '" + role + "')";
  }
}
