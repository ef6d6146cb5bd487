package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.PsqlBinary;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warehouse tables' primary keys, unique constraints, foreign keys and indexes as clients read them,
 * each answer compared with PostgreSQL 15's for the same DDL: pgjdbc's DatabaseMetaData, psql's
 * {@code \d} and {@code \d+}, SQLAlchemy's inspector and psqlODBC (the last two in key_checks.py,
 * which runs against both).
 */
class KeyCatalogWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final String DATABASE = "key_catalog";
  private static final List<String> DDL = List.of(
      "CREATE TABLE kc_orders (id integer PRIMARY KEY, code text UNIQUE, placed date NOT NULL)",
      "CREATE TABLE kc_lines (order_id integer REFERENCES kc_orders (id), line integer, qty bigint, PRIMARY KEY (order_id, line))",
      "CREATE INDEX kc_lines_qty ON kc_lines (qty)");
  private static PostgresServer postgres;

  @BeforeAll
  static void createTables() throws SQLException {
    postgres = PostgresServer.shared();
    postgres.createDatabase(DATABASE);
    postgres.execute(DATABASE, DDL.toArray(String[]::new));
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      for (String sql : DDL) {
        statement.execute(sql);
      }
    }
  }

  /** The named columns of every row, joined with '|'. */
  private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (String column : columns) {
          row.append(row.length() == 0 ? "" : "|").append(rs.getString(column));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private interface MetadataCall {
    List<String> answer(DatabaseMetaData metaData, String schema) throws SQLException;
  }

  /** The call's answer from the gateway, asserted equal to PostgreSQL's and returned. */
  private static List<String> sameAsPostgres(MetadataCall call) throws SQLException {
    List<String> expected;
    try (Connection connection = postgres.connect(DATABASE)) {
      expected = call.answer(connection.getMetaData(), "public");
    }
    try (Connection connection = gateway.connect()) {
      List<String> actual = call.answer(connection.getMetaData(), "public");
      assertThat(actual).isEqualTo(expected);
      return actual;
    }
  }

  @Test
  void jdbcPrimaryForeignKeysAndIndexesAnswerAsPostgres() throws SQLException {
    assertThat(sameAsPostgres((meta, schema) -> rows(meta.getPrimaryKeys(null, schema, "kc_lines"),
        "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME")))
        .containsExactly("kc_lines|order_id|1|kc_lines_pkey", "kc_lines|line|2|kc_lines_pkey");
    sameAsPostgres((meta, schema) -> rows(meta.getPrimaryKeys(null, schema, "kc_orders"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    String[] keyColumns = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
        "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"};
    assertThat(sameAsPostgres((meta, schema) -> rows(meta.getImportedKeys(null, schema, "kc_lines"), keyColumns)))
        .containsExactly("kc_orders|id|kc_lines|order_id|1|3|3|kc_lines_order_id_fkey|kc_orders_pkey|7");
    sameAsPostgres((meta, schema) -> rows(meta.getExportedKeys(null, schema, "kc_orders"), keyColumns));
    String[] indexColumns = {"TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"};
    assertThat(sameAsPostgres((meta, schema) -> rows(meta.getIndexInfo(null, schema, "kc_orders", false, true), indexColumns)))
        .containsExactly("kc_orders|f|kc_orders_code_key|3|1|code|A", "kc_orders|f|kc_orders_pkey|3|1|id|A");
    sameAsPostgres((meta, schema) -> rows(meta.getIndexInfo(null, schema, "kc_lines", false, true), indexColumns));
  }

  /** Rows of a query, each column's text joined with '|', NOT NULL constraints' OIDs in their names left out. */
  private static List<String> queryRows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString().replaceAll("\\d+_\\d+_(\\d+)_not_null", "oid_oid_$1_not_null"));
      }
    }
    return rows;
  }

  @Test
  void informationSchemaKeysAnswerAsPostgres() throws SQLException {
    List<String> queries = List.of(
        "SELECT constraint_name, table_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct "
            + "FROM information_schema.table_constraints WHERE table_name LIKE 'kc%' ORDER BY 1",
        "SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint "
            + "FROM information_schema.key_column_usage WHERE table_name LIKE 'kc%' ORDER BY 1, 4",
        "SELECT constraint_name, unique_constraint_name, match_option, update_rule, delete_rule "
            + "FROM information_schema.referential_constraints WHERE constraint_name LIKE 'kc%' ORDER BY 1",
        "SELECT table_name, column_name, constraint_name FROM information_schema.constraint_column_usage "
            + "WHERE table_name LIKE 'kc%' ORDER BY 3, 2");
    try (Connection reference = postgres.connect(DATABASE); Connection connection = gateway.connect()) {
      for (String sql : queries) {
        List<String> expected = queryRows(reference, sql);
        assertThat(expected).as(sql).isNotEmpty();
        assertThat(queryRows(connection, sql)).as(sql).isEqualTo(expected);
      }
      assertThat(queryRows(connection, "SELECT DISTINCT table_schema || '|' || constraint_catalog "
          + "FROM information_schema.table_constraints WHERE table_name LIKE 'kc%'")).containsExactly("public|lake");
    }
  }

  @Test
  void psqlDescribesKeysIndexesAndStorageAsPostgres() {
    String psql = PsqlBinary.find() == null ? null : PsqlBinary.find().toString();
    assumeTrue(psql != null, "psql is not installed");
    for (String command : List.of("\\d kc_orders", "\\d kc_lines", "\\d+ kc_orders", "\\d+ kc_lines")) {
      ClientScript.Result expected = ClientScript.run(postgres.host(), postgres.port(), postgresLogin(), psql, "-X", "-c", command);
      ClientScript.Result actual = ClientScript.run(gateway.host(), gateway.port(), Map.of(), psql, "-X", "-c", command);
      assertThat(expected.exitCode()).as(expected.toString()).isZero();
      assertThat(actual.err()).as(command).isEmpty();
      assertThat(actual.out()).as(command).isEqualTo(expected.out());
    }
  }

  @Test
  void sqlalchemyAndPsqlOdbcReadKeysAsFromPostgres() {
    String python = ClientScript.pythonWith("sqlalchemy", "psycopg2", "pyodbc");
    assumeTrue(python != null, "python3 with sqlalchemy, psycopg2 and pyodbc is not installed");
    String script = ClientScript.CLIENTS.resolve("python").resolve("key_checks.py").toString();
    ClientScript.Result reference = ClientScript.run(postgres.host(), postgres.port(), postgresLogin(), python, script);
    assertThat(reference.passedChecks()).as("the checks hold on PostgreSQL\n%s", reference)
        .containsExactly("sqlalchemy keys and indexes", "odbc keys", "odbc statistics");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(), python, script);
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("sqlalchemy keys and indexes", "odbc keys", "odbc statistics");
  }

  private static Map<String, String> postgresLogin() {
    return Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", PostgresServer.PASSWORD, "PGDATABASE", DATABASE);
  }
}
