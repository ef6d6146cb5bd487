package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.ReferenceTables;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGResultSetMetaData;

/**
 * RowDescription names the table and column a result column comes straight from, as PostgreSQL 15
 * does (0 and 0 for computed columns): pgjdbc's base table and column names and psycopg2's
 * {@code description} read them back through pg_class and pg_attribute, and must agree with
 * PostgreSQL's answer for the same tables and queries.
 */
class ColumnOriginWireTest {
  private static final String TABLES = "CREATE TABLE origin_accounts(id int PRIMARY KEY, name text, balance numeric(12,2));"
      + "CREATE TABLE origin_orders(order_id int, id int, qty int);"
      + "CREATE VIEW origin_names AS SELECT name, id FROM origin_accounts";

  private static TestGateway gateway;
  /** One connection per protocol, and one to PostgreSQL: each connection builds its catalog objects once. */
  private static final java.util.Map<String, Connection> connections = new java.util.HashMap<>();

  @BeforeAll
  static void start() throws SQLException {
    gateway = TestGateway.start();
    List<String> statements = new ArrayList<>(List.of("DROP VIEW IF EXISTS origin_names", "DROP TABLE IF EXISTS origin_accounts",
        "DROP TABLE IF EXISTS origin_orders"));
    statements.addAll(List.of(TABLES.split(";")));
    ReferenceTables.createOnBoth(gateway, statements.toArray(String[]::new));
    for (String mode : List.of("extended", "simple")) {
      Properties properties = new Properties();
      properties.setProperty("preferQueryMode", mode);
      connections.put(mode, gateway.connect(properties));
    }
    connections.put("postgres", PostgresServer.shared().connect("postgres"));
  }

  @AfterAll
  static void stop() throws SQLException {
    for (Connection connection : connections.values()) {
      connection.close();
    }
    gateway.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT * FROM origin_accounts",
      "SELECT id AS account, name, balance + 1, 1 AS one, upper(name), balance::text FROM origin_accounts",
      "SELECT o.qty, a.name, a.* FROM origin_orders o JOIN origin_accounts a ON a.id = o.id",
      "SELECT * FROM origin_orders JOIN origin_accounts USING (id)",
      "SELECT * FROM origin_orders LEFT JOIN origin_accounts USING (id)",
      "SELECT s.n, s.id FROM (SELECT name AS n, id FROM public.origin_accounts) s",
      "WITH c AS (SELECT balance, id FROM origin_accounts) SELECT id, balance FROM c",
      "SELECT id FROM origin_accounts UNION SELECT id FROM origin_orders",
      "SELECT name, count(*) FROM origin_accounts GROUP BY name",
      "SELECT * FROM origin_names",
      "SELECT x.a, x.b FROM origin_accounts AS x(a, b)",
  })
  void baseTablesAndColumnsAreThoseOfPostgres(String sql) throws SQLException {
    for (String mode : List.of("extended", "simple")) {
      assertThat(origins(connections.get(mode), sql)).as(mode + ": " + sql).isEqualTo(origins(connections.get("postgres"), sql));
    }
  }

  @Test
  void lakeDatasetsAreTablesOfTheirLayer() throws SQLException {
    assertThat(origins(connections.get("extended"), "SELECT symbol, price * 2, t.trade_id FROM bronze.trades t LIMIT 1"))
        .containsExactly("bronze.trades.symbol", "..", "bronze.trades.trade_id");
  }

  @Test
  void aRelationReplacedInTheSessionGivesItsNewColumns() throws SQLException {
    for (String mode : List.of("extended", "simple")) {
      Connection connection = connections.get(mode);
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS origin_swapped");
        statement.execute("CREATE TABLE origin_swapped(a int, b int)");
        assertThat(origins(connection, "SELECT b FROM origin_swapped")).as(mode).containsExactly("public.origin_swapped.b");
        statement.execute("DROP TABLE origin_swapped");
        statement.execute("CREATE TABLE origin_swapped(c int, b int)");
        // Another text naming the same table: its columns are asked again, not remembered from before the change.
        assertThat(origins(connection, "SELECT b, c FROM origin_swapped"))
            .as(mode).containsExactly("public.origin_swapped.b", "public.origin_swapped.c");
        statement.execute("DROP TABLE origin_swapped");
      }
    }
  }

  @Test
  void psycopg2DescriptionMatchesPostgres() {
    ClientScript.Result result = ClientScript.runPsycopg2ComparedWith(PostgresServer.shared(), gateway.host(), gateway.port(),
        "column_origin_checks.py");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("description", "named cursor description");
  }

  /** Each column as schema.table.column through pgjdbc's base names (empty for a computed column), and its label. */
  private static List<String> origins(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      PGResultSetMetaData meta = rows.getMetaData().unwrap(PGResultSetMetaData.class);
      List<String> origins = new ArrayList<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        origins.add(meta.getBaseSchemaName(i) + "." + meta.getBaseTableName(i) + "." + meta.getBaseColumnName(i));
      }
      return origins;
    }
  }
}
