package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Numeric answers that were silently wrong (double precision typed float8, or values rounded to 3
 * decimals) answer as PostgreSQL 15 does, or are refused: the same statements through pgjdbc over
 * the extended and the simple protocol against a real PostgreSQL and the gateway, and through
 * psycopg2 (numeric_checks.py compares Decimals from both servers).
 */
class NumericWireTest {
  private static final String DATABASE = "lake";
  /** Exact answers: same column type and the same text as PostgreSQL. */
  private static final List<String> SAME_TEXT = List.of(
      "SELECT 70.0 / 70", "SELECT 1::numeric / 3", "SELECT 7.0 / 2 AS half", "SELECT sqrt(2.0)", "SELECT exp(1.0)", "SELECT ln(0.0456789)",
      "SELECT log(10.00000000000000000)", "SELECT power('-2'::numeric, '3')", "SELECT (-1.0) ^ 2147483646", "SELECT 32.1 ^ 9.8",
      "SELECT sqrt(96627521408608.56340355805::numeric)", "SELECT 0.12 ^ (-20)", "SELECT round(sqrt(2.0), 4)", "SELECT sqrt(4)",
      "SELECT power(2, 10)");
  /** PostgreSQL's errors with PostgreSQL's SQLSTATE. */
  private static final Map<String, String> SAME_ERROR = Map.of(
      "SELECT power('-2'::numeric, '3.3')", "2201F", "SELECT (-12.34) ^ 1.2", "2201F", "SELECT ln(0.0)", "2201E",
      "SELECT sqrt(-2.0)", "2201F", "SELECT 1.0 / 0", "22012", "SELECT 10.0 ^ 2147483647", "22003");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.shared();
    postgres.createDatabase(DATABASE);
  }

  @Test
  void exactAnswersMatchPostgresOverBothProtocols() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connectPostgres(simple); Connection gw = connectGateway(simple)) {
        for (String sql : SAME_TEXT) {
          assertThat(answer(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(answer(pg, sql));
        }
        for (Map.Entry<String, String> refused : SAME_ERROR.entrySet()) {
          assertThat(answer(pg, refused.getKey())).as("PostgreSQL: " + refused.getKey()).isEqualTo("ERROR " + refused.getValue());
          assertThat(answer(gw, refused.getKey())).as(refused.getKey()).isEqualTo("ERROR " + refused.getValue());
        }
      }
    }
  }

  @Test
  void numericOfAnExpressionIsRefusedRatherThanAnsweredInDoublePrecision() throws SQLException {
    try (Connection gw = connectGateway(false); Statement statement = gw.createStatement()) {
      statement.execute("CREATE TEMP TABLE amounts (a numeric(10,2))");
      statement.execute("INSERT INTO amounts VALUES (2.25)");
      for (String sql : List.of("SELECT sqrt(a) FROM amounts", "SELECT exp(a) FROM amounts", "SELECT ln(a) FROM amounts",
          "SELECT log(a) FROM amounts", "SELECT power(a, 2) FROM amounts")) {
        assertThat(answer(gw, sql)).as(sql).isEqualTo("ERROR 0A000");
      }
      assertThat(answer(gw, "SELECT sqrt(a::float8) FROM amounts")).isEqualTo("float8 1.5");
    }
  }

  @Test
  void unconstrainedNumericColumnsKeepTheDigitsThatWereRounded() throws SQLException {
    try (Connection gw = connectGateway(false); Statement statement = gw.createStatement()) {
      statement.execute("CREATE TEMP TABLE prices (p numeric)");
      statement.execute("ALTER TABLE prices ADD COLUMN q numeric");
      statement.execute("INSERT INTO prices VALUES (0.0001, 12345678901234567890.5), (1.23456, 0.0000000001)");
      try (ResultSet rows = statement.executeQuery("SELECT p, q FROM prices ORDER BY p")) {
        assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("numeric");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("0.0001");
        assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("12345678901234567890.5");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("1.23456");
        assertThat(rows.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("0.0000000001"));
      }
    }
  }

  @Test
  void psycopg2GetsPostgresDecimals() {
    String python = ClientScript.pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(),
        Map.of("REFERENCE_DSN", "host=" + postgres.host() + " port=" + postgres.port() + " dbname=" + DATABASE + " user="
            + PostgresServer.USER + " password=" + PostgresServer.PASSWORD),
        python, ClientScript.CLIENTS.resolve("python").resolve("numeric_checks.py").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).containsExactly("psycopg2 exact numerics", "psycopg2 numeric errors", "psycopg2 numeric column");
  }

  /** {@code type value, ...} of the first row, or {@code ERROR sqlstate}. */
  private static String answer(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      List<String> cells = new ArrayList<>();
      rows.next();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        cells.add(rows.getMetaData().getColumnTypeName(i) + " " + rows.getString(i));
      }
      return String.join(", ", cells);
    } catch (SQLException e) {
      return "ERROR " + e.getSQLState();
    }
  }

  private static Connection connectPostgres(boolean simple) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), properties);
  }

  private static Connection connectGateway(boolean simple) throws SQLException {
    Properties properties = new Properties();
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return gateway.connect(properties);
  }
}
