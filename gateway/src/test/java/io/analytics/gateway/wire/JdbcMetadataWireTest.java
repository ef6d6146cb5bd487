package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pgjdbc's DatabaseMetaData over the lake: schemas, tables and columns with their SQL types. */
class JdbcMetadataWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void schemasTablesAndColumns() throws Exception {
    try (Connection connection = gateway.connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = metadata.getSchemas()) {
        while (rows.next()) {
          schemas.add(rows.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas).contains("bronze", "gold");

      List<String> tables = new ArrayList<>();
      try (ResultSet rows = metadata.getTables(null, "gold", "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME") + ":" + rows.getString("TABLE_TYPE"));
        }
      }
      assertThat(tables).containsExactly("gold.daily_pnl:TABLE");

      List<String> columns = new ArrayList<>();
      try (ResultSet rows = metadata.getColumns(null, "gold", "daily_pnl", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + ":" + rows.getString("TYPE_NAME") + ":" + rows.getInt("DATA_TYPE")
              + ":" + rows.getInt("COLUMN_SIZE") + ":" + rows.getInt("DECIMAL_DIGITS"));
        }
      }
      assertThat(columns).containsExactly(
          "date:date:" + Types.DATE + ":13:0",
          "symbol:text:" + Types.VARCHAR + ":2147483647:0",
          "pnl:numeric:" + Types.NUMERIC + ":18:2");
    }
  }

  /**
   * The rest of what DBeaver and BI tools call on DatabaseMetaData: each answers, empty where the lake
   * has nothing.
   */
  @Test
  void keysIndexesTypesAndFunctions() throws Exception {
    try (Connection connection = gateway.connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      assertThat(count(metadata.getCatalogs())).isEqualTo(1);
      assertThat(count(metadata.getTableTypes())).isPositive();
      assertThat(count(metadata.getPrimaryKeys(null, "gold", "daily_pnl"))).isZero();
      assertThat(count(metadata.getImportedKeys(null, "gold", "daily_pnl"))).isZero();
      assertThat(count(metadata.getExportedKeys(null, "gold", "daily_pnl"))).isZero();
      assertThat(count(metadata.getIndexInfo(null, "gold", "daily_pnl", false, true))).isZero();
      assertThat(metadata.getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(metadata.getDatabaseMajorVersion()).isGreaterThanOrEqualTo(15);
    }
  }

  /** getTypeInfo lists the registry's types with the java.sql.Types pgjdbc gives them against PostgreSQL. */
  @Test
  void typeInfoListsTheTypesWithTheirSqlTypes() throws Exception {
    try (Connection connection = gateway.connect()) {
      java.util.Map<String, String> types = new java.util.HashMap<>();
      try (ResultSet rows = connection.getMetaData().getTypeInfo()) {
        while (rows.next()) {
          types.put(rows.getString("TYPE_NAME"), rows.getInt("DATA_TYPE") + ":" + rows.getInt("PRECISION"));
        }
      }
      assertThat(types).containsEntry("int4", Types.INTEGER + ":0")
          .containsEntry("int8", Types.BIGINT + ":0")
          .containsEntry("numeric", Types.NUMERIC + ":1000")
          .containsEntry("text", Types.VARCHAR + ":0")
          .containsEntry("bool", Types.BIT + ":0")
          .containsEntry("date", Types.DATE + ":0")
          .containsEntry("timestamptz", Types.TIMESTAMP + ":6")
          .containsEntry("_int4", Types.ARRAY + ":0");
    }
  }

  /** getFunctions finds the builtins users call (in pg_catalog, as PostgreSQL's) and the session's catalog functions. */
  @Test
  void functionsAreListedInPgCatalog() throws Exception {
    try (Connection connection = gateway.connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> upper = new ArrayList<>();
      try (ResultSet rows = metadata.getFunctions(null, "pg_catalog", "upper")) {
        while (rows.next()) {
          upper.add(rows.getString("FUNCTION_SCHEM") + "." + rows.getString("FUNCTION_NAME") + ":" + rows.getInt("FUNCTION_TYPE"));
        }
      }
      assertThat(upper).containsExactly("pg_catalog.upper:" + DatabaseMetaData.functionNoTable);
      List<String> series = new ArrayList<>();
      try (ResultSet rows = metadata.getFunctions(null, null, "generate_series")) {
        while (rows.next()) {
          series.add(rows.getString("FUNCTION_NAME") + ":" + rows.getInt("FUNCTION_TYPE"));
        }
      }
      assertThat(series).contains("generate_series:" + DatabaseMetaData.functionReturnsTable);
      assertThat(count(metadata.getFunctions(null, null, "format_type"))).isEqualTo(1);
      assertThat(count(metadata.getFunctions(null, null, "pg_gateway%"))).isZero();

      List<String> columns = new ArrayList<>();
      try (ResultSet rows = metadata.getFunctionColumns(null, "pg_catalog", "upper", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + ":" + rows.getInt("COLUMN_TYPE") + ":" + rows.getString("TYPE_NAME"));
        }
      }
      assertThat(columns).containsExactly("returnValue:" + DatabaseMetaData.functionReturn + ":text",
          "string:" + DatabaseMetaData.functionColumnIn + ":text");
    }
  }

  /**
   * getProcedures lists no rows, as PostgreSQL 11+ lists only CALLable procedures (DuckDB has none);
   * getProcedureColumns, which pgjdbc does not limit to procedures, describes a function's arguments.
   */
  @Test
  void proceduresAnswer() throws Exception {
    try (Connection connection = gateway.connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      assertThat(count(metadata.getProcedures(null, null, "%"))).isZero();
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = metadata.getProcedureColumns(null, "pg_catalog", "upper", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + ":" + rows.getInt("COLUMN_TYPE") + ":" + rows.getInt("DATA_TYPE"));
        }
      }
      assertThat(columns).containsExactly("returnValue:" + DatabaseMetaData.procedureColumnReturn + ":" + Types.VARCHAR,
          "string:" + DatabaseMetaData.procedureColumnIn + ":" + Types.VARCHAR);
    }
  }

  /** pg_proc's OIDs are unique and positive, and every function sits in a schema pg_namespace lists. */
  @Test
  void pgProcHasUniqueOidsInKnownSchemas() throws Exception {
    try (Connection connection = gateway.connect();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT count(*), count(DISTINCT p.oid), min(p.oid), count(n.oid), count(*) FILTER (WHERE p.proname = 'sum' AND p.prokind = 'a') "
                + "FROM pg_catalog.pg_proc p LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace")) {
      assertThat(rows.next()).isTrue();
      long functions = rows.getLong(1);
      assertThat(functions).isGreaterThan(500);
      assertThat(rows.getLong(2)).isEqualTo(functions);
      assertThat(rows.getLong(3)).isPositive();
      assertThat(rows.getLong(4)).isEqualTo(functions);
      assertThat(rows.getLong(5)).isPositive();
    }
  }

  /** ResultSetMetaData of a query: types, precision and scale as RowDescription sends them. */
  @Test
  void resultSetMetaDataOfAQuery() throws Exception {
    try (Connection connection = gateway.connect();
        ResultSet rows = connection.createStatement().executeQuery("SELECT date, symbol, pnl, count(*) OVER () FROM gold.daily_pnl")) {
      java.sql.ResultSetMetaData metaData = rows.getMetaData();
      assertThat(metaData.getColumnType(1)).isEqualTo(Types.DATE);
      assertThat(metaData.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(metaData.getColumnType(3)).isEqualTo(Types.NUMERIC);
      assertThat(metaData.getPrecision(3)).isEqualTo(18);
      assertThat(metaData.getScale(3)).isEqualTo(2);
      assertThat(metaData.getColumnType(4)).isEqualTo(Types.BIGINT);
      assertThat(metaData.getColumnName(4)).isEqualTo("count");
    }
  }

  private static int count(ResultSet rows) throws Exception {
    int count = 0;
    try (rows) {
      while (rows.next()) {
        count++;
      }
    }
    return count;
  }

  /**
   * A warehouse table's constraints as PostgreSQL describes them: named, with 1-based keys, their
   * definition from pg_get_constraintdef (what psql's \\d prints), OIDs within uint32. pgjdbc's
   * getPrimaryKeys and getImportedKeys also need the keys' index relations, which DuckDB does not list.
   */
  @Test
  void warehouseConstraintsAreDescribedAsPostgresDoes() throws Exception {
    try (Connection connection = gateway.connect(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE main.md_accounts (account_id INTEGER PRIMARY KEY, name VARCHAR UNIQUE)");
      statement.execute("CREATE TABLE main.md_orders (order_id INTEGER PRIMARY KEY, account_id INTEGER "
          + "REFERENCES main.md_accounts (account_id), qty INTEGER NOT NULL CHECK (qty > 0))");
      List<String> constraints = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT conname, contype, conkey, pg_get_constraintdef(c.oid, true), "
          + "c.oid BETWEEN 1 AND 4294967295 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid "
          + "WHERE r.relname = 'md_orders' ORDER BY contype, conname")) {
        while (rows.next()) {
          constraints.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|" + rows.getString(4)
              + "|" + rows.getBoolean(5));
        }
      }
      assertThat(constraints).containsExactly(
          "md_orders_qty_check|c|{3}|CHECK (qty > 0)|true",
          "md_orders_account_id_fkey|f|{2}|FOREIGN KEY (account_id) REFERENCES md_accounts(account_id)|true",
          "md_orders_pkey|p|{1}|PRIMARY KEY (order_id)|true");
    }
  }
}
