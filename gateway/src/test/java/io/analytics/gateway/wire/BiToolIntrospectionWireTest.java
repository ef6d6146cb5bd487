package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.schema.ColumnSpec;
import io.analytics.catalog.schema.TableSchema;
import io.analytics.engine.lake.DeclaredSchemaFile;
import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog statements DBeaver, Metabase and Superset (SQLAlchemy 2's PostgreSQL dialect) send when
 * they connect and browse schemas, tables and columns, written here in the shape those tools give them
 * (quoted identifiers, pg_catalog-qualified columns, CAST(... AS regclass), format('%I.%I', ...)),
 * run through pgjdbc with parameters as the tools bind them. The lake's tables and columns must come
 * back with PostgreSQL's types, its descriptions, and empty answers where the lake has no such thing.
 */
class BiToolIntrospectionWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @BeforeAll
  static void describePnl() {
    DeclaredSchemaFile.write(gateway.home().dataDir().resolve("gold").resolve("daily_pnl"),
        new TableSchema("daily_pnl", "Daily P&L", List.of(new ColumnSpec("date", "date", true, null, null),
            new ColumnSpec("symbol", "varchar", true, null, null), new ColumnSpec("pnl", "decimal(18,2)", false, null, "In USD")),
            List.of(), List.of()));
  }

  @Test
  void dbeaverBrowsesDatabasesSchemasTablesAndColumns() throws SQLException {
    try (Connection connection = gateway.connect()) {
      assertThat(column(query(connection, "SELECT db.oid, db.* FROM pg_catalog.pg_database db "
          + "WHERE datallowconn AND NOT datistemplate OR db.datname = ? ORDER BY db.datname", "lake"), "datname")).containsExactly("lake");

      List<Map<String, String>> schemas = query(connection, "SELECT n.oid, n.*, d.description FROM pg_catalog.pg_namespace n "
          + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.objsubid = 0 "
          + "AND d.classoid = 'pg_namespace'::regclass ORDER BY nspname");
      assertThat(column(schemas, "nspname")).contains("bronze", "gold", "silver", "pg_catalog", "information_schema");
      String gold = only(schemas, "nspname", "gold").get("oid");
      assertThat(only(schemas, "nspname", "bronze").get("description")).startsWith("Raw data");

      List<Map<String, String>> tables = query(connection, "SELECT c.oid, c.*, d.description, "
          + "pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS partition_expr, pg_catalog.pg_get_partkeydef(c.oid) AS partition_key "
          + "FROM pg_catalog.pg_class c LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
          + "AND d.classoid = 'pg_class'::regclass WHERE c.relnamespace = ? AND c.relkind NOT IN ('i', 'I', 'c') ORDER BY c.relname",
          Long.parseLong(gold));
      assertThat(tables).hasSize(1);
      Map<String, String> pnl = tables.get(0);
      assertThat(pnl).containsEntry("relname", "daily_pnl").containsEntry("relkind", "r").containsEntry("reltuples", "100")
          .containsEntry("description", "Daily P&L");
      long pnlOid = Long.parseLong(pnl.get("oid"));

      List<Map<String, String>> columns = query(connection, "SELECT c.relname, a.*, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS def_value, "
          + "dsc.description, dep.objid FROM pg_catalog.pg_attribute a INNER JOIN pg_catalog.pg_class c ON (a.attrelid = c.oid) "
          + "LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid = ad.adrelid AND a.attnum = ad.adnum) "
          + "LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid = dsc.objoid AND a.attnum = dsc.objsubid) "
          + "LEFT OUTER JOIN pg_depend dep ON dep.refobjid = a.attrelid AND dep.deptype = 'i' AND dep.refobjsubid = a.attnum "
          + "AND dep.classid = dep.refclassid WHERE NOT a.attisdropped AND c.relkind NOT IN ('i', 'I', 'c') AND c.oid = ? "
          + "ORDER BY a.attnum", pnlOid);
      assertThat(columns).extracting(row -> row.get("attname") + ":" + row.get("atttypid") + ":" + row.get("atttypmod") + ":" + row.get("description"))
          .containsExactly("date:1082:-1:null", "symbol:25:-1:null", "pnl:1700:1179654:In USD");

      // DBeaver names column types from its own read of pg_type.
      assertThat(column(query(connection, "SELECT t.oid, t.*, c.relkind, format_type(nullif(t.typbasetype, 0), t.typtypmod) AS base_type_name, "
          + "d.description FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid = t.typelem "
          + "LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid = t.typrelid LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid = d.objoid "
          + "WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C')"),
          "typname")).contains("date", "text", "numeric", "timestamptz", "_int4");

      assertThat(Long.parseLong(only(query(connection, "SELECT c.oid, pg_catalog.pg_total_relation_size(c.oid) AS total_rel_size, "
          + "pg_catalog.pg_relation_size(c.oid) AS rel_size FROM pg_catalog.pg_class c WHERE c.relnamespace = ?", Long.parseLong(gold)),
          "oid", Long.toString(pnlOid)).get("total_rel_size"))).isPositive();
      assertThat(query(connection, "SELECT c.oid, c.*, t.relname AS tabrelname, rt.relnamespace AS refnamespace, d.description "
          + "FROM pg_catalog.pg_constraint c INNER JOIN pg_catalog.pg_class t ON t.oid = c.conrelid "
          + "LEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid = c.confrelid LEFT OUTER JOIN pg_catalog.pg_description d "
          + "ON d.objoid = c.oid AND d.objsubid = 0 AND d.classoid = 'pg_constraint'::regclass WHERE t.relnamespace = ? ORDER BY c.oid",
          Long.parseLong(gold))).isEmpty();
      assertThat(query(connection, "SELECT i.*, c.relname, tc.relname AS tabrelname FROM pg_catalog.pg_index i "
          + "INNER JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid INNER JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid "
          + "WHERE c.relnamespace = ? ORDER BY tabrelname, c.relname", Long.parseLong(gold))).isEmpty();

      String pgCatalog = only(schemas, "nspname", "pg_catalog").get("oid");
      assertThat(column(query(connection, "SELECT p.oid, p.*, d.description FROM pg_catalog.pg_proc p "
          + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = p.oid WHERE p.pronamespace = ? ORDER BY p.proname",
          Long.parseLong(pgCatalog)), "proname")).contains("upper", "sum", "format_type");
      assertThat(column(query(connection, "SELECT t.oid, t.* FROM pg_catalog.pg_tablespace t"), "spcname")).contains("pg_default");
      assertThat(column(query(connection, "SELECT a.oid, a.* FROM pg_catalog.pg_roles a ORDER BY a.rolname"), "rolname"))
          .contains("analyst", "admin");
    }
  }

  @Test
  void metabaseSyncsTablesAndFields() throws SQLException {
    try (Connection connection = gateway.connect()) {
      List<Map<String, String>> tables = query(connection, "SELECT \"n\".\"nspname\" AS \"schema\", \"c\".\"relname\" AS \"name\", "
          + "CASE \"c\".\"relkind\" WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'v' THEN 'VIEW' "
          + "WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE NULL END AS \"type\", "
          + "\"d\".\"description\" AS \"description\", \"stat\".\"n_live_tup\" AS \"estimated_row_count\" "
          + "FROM \"pg_catalog\".\"pg_class\" AS \"c\" INNER JOIN \"pg_catalog\".\"pg_namespace\" AS \"n\" ON \"c\".\"relnamespace\" = \"n\".\"oid\" "
          + "LEFT JOIN \"pg_catalog\".\"pg_description\" AS \"d\" ON (\"c\".\"oid\" = \"d\".\"objoid\") AND (\"d\".\"objsubid\" = 0) "
          + "AND (\"d\".\"classoid\" = 'pg_class'::regclass) "
          + "LEFT JOIN \"pg_stat_user_tables\" AS \"stat\" ON (\"n\".\"nspname\" = \"stat\".\"schemaname\") AND (\"c\".\"relname\" = \"stat\".\"relname\") "
          + "WHERE (\"c\".\"relnamespace\" = \"n\".\"oid\") AND (\"n\".\"nspname\" !~ '^pg_') AND (\"n\".\"nspname\" <> 'information_schema') "
          + "AND c.relkind IN ('r', 'p', 'v', 'f', 'm') AND (\"n\".\"nspname\" IN (?, ?)) ORDER BY \"type\" ASC, \"schema\" ASC, \"name\" ASC",
          "bronze", "gold");
      assertThat(tables).extracting(row -> row.get("schema") + "." + row.get("name") + ":" + row.get("type") + ":" + row.get("estimated_row_count"))
          .containsExactly("bronze.trades:TABLE:10000", "gold.daily_pnl:TABLE:100");

      List<Map<String, String>> fields = query(connection, "SELECT \"c\".\"column_name\" AS \"name\", "
          + "CASE WHEN \"c\".\"udt_schema\" IN ('public', 'pg_catalog') THEN FORMAT('%s', \"c\".\"udt_name\") "
          + "ELSE FORMAT('\"%s\".\"%s\"', \"c\".\"udt_schema\", \"c\".\"udt_name\") END AS \"database-type\", "
          + "\"c\".\"ordinal_position\" - 1 AS \"database-position\", \"c\".\"table_schema\" AS \"table-schema\", "
          + "\"c\".\"table_name\" AS \"table-name\", \"pk\".\"column_name\" IS NOT NULL AS \"pk?\", "
          + "COL_DESCRIPTION(CAST(CAST(FORMAT('%I.%I', CAST(\"c\".\"table_schema\" AS TEXT), CAST(\"c\".\"table_name\" AS TEXT)) AS REGCLASS) AS OID), "
          + "\"c\".\"ordinal_position\") AS \"field-comment\", "
          + "((\"column_default\" IS NULL) OR (LOWER(\"column_default\") = 'null')) AND (\"is_nullable\" = 'NO') "
          + "AND NOT (((\"column_default\" IS NOT NULL) AND (\"column_default\" LIKE '%nextval(%')) OR (\"is_identity\" <> 'NO')) "
          + "AS \"database-required\" "
          + "FROM \"information_schema\".\"columns\" AS \"c\" LEFT JOIN (SELECT \"tc\".\"table_schema\", \"tc\".\"table_name\", \"kc\".\"column_name\" "
          + "FROM \"information_schema\".\"table_constraints\" AS \"tc\" INNER JOIN \"information_schema\".\"key_column_usage\" AS \"kc\" "
          + "ON (\"tc\".\"constraint_name\" = \"kc\".\"constraint_name\") AND (\"tc\".\"table_schema\" = \"kc\".\"table_schema\") "
          + "AND (\"tc\".\"table_name\" = \"kc\".\"table_name\") WHERE \"tc\".\"constraint_type\" = 'PRIMARY KEY') AS \"pk\" "
          + "ON (\"c\".\"table_schema\" = \"pk\".\"table_schema\") AND (\"c\".\"table_name\" = \"pk\".\"table_name\") "
          + "AND (\"c\".\"column_name\" = \"pk\".\"column_name\") "
          + "WHERE c.table_schema !~ '^information_schema|catalog_history|pg_' AND (\"c\".\"table_schema\" IN (?)) "
          + "ORDER BY \"table-schema\" ASC, \"table-name\" ASC, \"database-position\" ASC", "gold");
      assertThat(fields).extracting(row -> row.get("name") + ":" + row.get("database-type") + ":" + row.get("database-position") + ":"
          + row.get("pk?") + ":" + row.get("field-comment")).containsExactly("date:date:0:f:null", "symbol:text:1:f:null", "pnl:numeric:2:f:In USD");

      assertThat(query(connection, "SELECT nspname, typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
          + "WHERE t.oid IN (SELECT DISTINCT enumtypid FROM pg_enum e)")).isEmpty();
      assertThat(query(connection, "SELECT \"tmp\".\"table-schema\", \"tmp\".\"table-name\", "
          + "TRIM(BOTH '\"' FROM PG_CATALOG.PG_GET_INDEXDEF(\"tmp\".\"ci_oid\", \"tmp\".\"pos\", FALSE)) AS \"field-name\" "
          + "FROM (SELECT \"n\".\"nspname\" AS \"table-schema\", \"ct\".\"relname\" AS \"table-name\", \"ci\".\"oid\" AS \"ci_oid\", "
          + "(information_schema._pg_expandarray(\"i\".\"indkey\")).\"n\" AS \"pos\" FROM \"pg_catalog\".\"pg_class\" AS \"ct\" "
          + "INNER JOIN \"pg_catalog\".\"pg_namespace\" AS \"n\" ON \"ct\".\"relnamespace\" = \"n\".\"oid\" "
          + "INNER JOIN \"pg_catalog\".\"pg_index\" AS \"i\" ON \"ct\".\"oid\" = \"i\".\"indrelid\" "
          + "INNER JOIN \"pg_catalog\".\"pg_class\" AS \"ci\" ON \"ci\".\"oid\" = \"i\".\"indexrelid\" "
          + "WHERE (PG_CATALOG.PG_GET_EXPR(\"i\".\"indpred\", \"i\".\"indrelid\") IS NULL) "
          + "AND n.nspname !~ '^information_schema|catalog_history|pg_') AS \"tmp\" WHERE \"tmp\".\"pos\" = 1")).isEmpty();
    }
  }

  @Test
  void supersetInspectsSchemasTablesAndColumns() throws SQLException {
    try (Connection connection = gateway.connect()) {
      assertThat(column(query(connection, "SELECT pg_catalog.pg_namespace.nspname FROM pg_catalog.pg_namespace "
          + "WHERE pg_catalog.pg_namespace.nspname NOT LIKE 'pg_%' ORDER BY pg_catalog.pg_namespace.nspname"), "nspname"))
          .contains("bronze", "gold", "silver").doesNotContain("pg_catalog");
      assertThat(column(query(connection, "SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class "
          + "JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace "
          + "WHERE pg_catalog.pg_class.relkind = ANY (ARRAY['r', 'p']) AND pg_catalog.pg_class.relpersistence != 't' "
          + "AND pg_catalog.pg_namespace.nspname = ?", "gold"), "relname")).containsExactly("daily_pnl");

      List<Map<String, String>> columns = query(connection, "SELECT pg_catalog.pg_attribute.attname AS name, "
          + "pg_catalog.format_type(pg_catalog.pg_attribute.atttypid, pg_catalog.pg_attribute.atttypmod) AS format_type, "
          + "(SELECT pg_catalog.pg_get_expr(pg_catalog.pg_attrdef.adbin, pg_catalog.pg_attrdef.adrelid) FROM pg_catalog.pg_attrdef "
          + "WHERE pg_catalog.pg_attrdef.adrelid = pg_catalog.pg_attribute.attrelid AND pg_catalog.pg_attrdef.adnum = pg_catalog.pg_attribute.attnum "
          + "AND pg_catalog.pg_attribute.atthasdef) AS \"default\", pg_catalog.pg_attribute.attnotnull AS not_null, "
          + "pg_catalog.pg_class.relname AS table_name, pg_catalog.pg_description.description AS comment, "
          + "pg_catalog.pg_attribute.attgenerated AS generated, (SELECT json_build_object('always', pg_catalog.pg_attribute.attidentity = 'a', "
          + "'start', pg_catalog.pg_sequence.seqstart, 'increment', pg_catalog.pg_sequence.seqincrement) FROM pg_catalog.pg_sequence "
          + "WHERE pg_catalog.pg_attribute.attidentity != '' AND pg_catalog.pg_sequence.seqrelid = CAST(CAST(pg_catalog.pg_get_serial_sequence("
          + "CAST(CAST(pg_catalog.pg_attribute.attrelid AS REGCLASS) AS TEXT), pg_catalog.pg_attribute.attname) AS REGCLASS) AS OID)) "
          + "AS identity_options FROM pg_catalog.pg_class LEFT OUTER JOIN pg_catalog.pg_attribute "
          + "ON pg_catalog.pg_class.oid = pg_catalog.pg_attribute.attrelid AND pg_catalog.pg_attribute.attnum > 0 "
          + "AND NOT pg_catalog.pg_attribute.attisdropped LEFT OUTER JOIN pg_catalog.pg_description "
          + "ON pg_catalog.pg_description.objoid = pg_catalog.pg_attribute.attrelid AND pg_catalog.pg_description.objsubid = pg_catalog.pg_attribute.attnum "
          + "JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace "
          + "WHERE pg_catalog.pg_class.relkind = ANY (ARRAY['r', 'p', 'f', 'v', 'm']) AND pg_catalog.pg_class.relname IN (?) "
          + "AND pg_catalog.pg_namespace.nspname = ? ORDER BY pg_catalog.pg_class.relname, pg_catalog.pg_attribute.attnum", "daily_pnl", "gold");
      assertThat(columns).extracting(row -> row.get("name") + ":" + row.get("format_type") + ":" + row.get("comment") + ":" + row.get("identity_options"))
          .containsExactly("date:date:null:null", "symbol:text:null:null", "pnl:numeric(18,2):In USD:null");

      assertThat(query(connection, "SELECT attr.conrelid, array_agg(CAST(attr.attname AS TEXT) ORDER BY attr.ord) AS cols, attr.conname "
          + "FROM (SELECT con.conrelid AS conrelid, con.conname AS conname, con.ord AS ord, pg_catalog.pg_attribute.attname AS attname "
          + "FROM pg_catalog.pg_attribute JOIN (SELECT pg_catalog.pg_constraint.conrelid AS conrelid, pg_catalog.pg_constraint.conname AS conname, "
          + "unnest(pg_catalog.pg_constraint.conkey) AS attnum, generate_subscripts(pg_catalog.pg_constraint.conkey, 1) AS ord "
          + "FROM pg_catalog.pg_constraint WHERE pg_catalog.pg_constraint.contype = 'p' "
          + "AND pg_catalog.pg_constraint.conrelid IN (SELECT oid FROM pg_catalog.pg_class WHERE relname = ?)) AS con "
          + "ON pg_catalog.pg_attribute.attnum = con.attnum AND pg_catalog.pg_attribute.attrelid = con.conrelid) AS attr "
          + "GROUP BY attr.conrelid, attr.conname ORDER BY attr.conrelid, attr.conname", "daily_pnl")).isEmpty();
      assertThat(column(query(connection, "SELECT pg_catalog.obj_description(pg_catalog.pg_class.oid, 'pg_class') AS table_comment "
          + "FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace "
          + "WHERE pg_catalog.pg_class.relname = ? AND pg_catalog.pg_namespace.nspname = ?", "daily_pnl", "gold"), "table_comment"))
          .containsExactly("Daily P&L");
    }
  }

  /** Rows as maps from column label to text, for statements with parameters bound as the tools bind them. */
  private static List<Map<String, String>> query(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData metaData = result.getMetaData();
        while (result.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= metaData.getColumnCount(); i++) {
            row.putIfAbsent(metaData.getColumnLabel(i), result.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static List<String> column(List<Map<String, String>> rows, String name) {
    return rows.stream().map(row -> row.get(name)).toList();
  }

  private static Map<String, String> only(List<Map<String, String>> rows, String column, String value) {
    List<Map<String, String>> matching = rows.stream().filter(row -> value.equals(row.get(column))).toList();
    assertThat(matching).as(column + " = " + value).hasSize(1);
    return matching.get(0);
  }
}
