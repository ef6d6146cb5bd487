package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/** Simple-query behaviour as pgjdbc (preferQueryMode=simple) and the lake views see it. */
class SimpleQueryWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static Connection simple() throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("preferQueryMode", "simple");
    return gateway.connect(properties);
  }

  @Test
  void lakeDatasetsAreTablesInTheirLayerSchema() throws SQLException {
    try (Connection connection = simple();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT date), min(symbol) FROM bronze.trades")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(10_000);
      assertThat(rs.getLong(2)).isEqualTo(5);
      assertThat(rs.getString(3)).isEqualTo("SYM0");
    }
  }

  @Test
  void multiStatementStringReturnsEveryResultInOrder() throws SQLException {
    try (Connection connection = simple(); Statement statement = connection.createStatement()) {
      boolean isResultSet = statement.execute("SELECT 1 AS a; SELECT 'two' AS b, 2 AS c; CREATE TEMP TABLE t_multi(x INT)");
      List<String> seen = new ArrayList<>();
      while (true) {
        if (isResultSet) {
          try (ResultSet rs = statement.getResultSet()) {
            rs.next();
            seen.add(rs.getMetaData().getColumnName(1) + "=" + rs.getString(1));
          }
        } else if (statement.getUpdateCount() == -1) {
          break;
        } else {
          seen.add("update=" + statement.getUpdateCount());
        }
        isResultSet = statement.getMoreResults();
      }
      assertThat(seen).containsExactly("a=1", "b=two", "update=0");
    }
  }

  @Test
  void failingStatementInMultiStatementStringRollsBackTheWholeString() throws SQLException {
    try (Connection connection = simple(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE implicit_tx(x INT)");
      assertThatThrownBy(() -> statement.execute("INSERT INTO implicit_tx VALUES (1); SELECT * FROM no_such_table"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM implicit_tx")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the INSERT before the failure is rolled back").isZero();
      }
    }
  }

  @Test
  void commandTagsCarryRowCounts() throws SQLException {
    try (Connection connection = simple(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tags(x INT)");
      assertThat(statement.executeUpdate("INSERT INTO tags SELECT * FROM range(5)")).isEqualTo(5);
      assertThat(statement.executeUpdate("UPDATE tags SET x = x + 1 WHERE x < 3")).isEqualTo(3);
      assertThat(statement.executeUpdate("DELETE FROM tags WHERE x >= 3")).isEqualTo(3);
    }
  }

  @Test
  void emptyQueryIsAnsweredWithoutError() throws SQLException {
    try (Connection connection = simple(); Statement statement = connection.createStatement()) {
      assertThat(statement.execute(";")).isFalse();
      assertThat(statement.execute("  -- only a comment")).isFalse();
    }
  }

  @Test
  void startupParametersAreReportedLikePostgres() throws SQLException {
    try (Connection connection = simple()) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      assertThat(pg.getParameterStatus("server_version")).startsWith("16.");
      assertThat(pg.getParameterStatus("server_encoding")).isEqualTo("UTF8");
      assertThat(pg.getParameterStatus("client_encoding")).isEqualTo("UTF8");
      assertThat(pg.getParameterStatus("DateStyle")).isEqualTo("ISO, MDY");
      assertThat(pg.getParameterStatus("integer_datetimes")).isEqualTo("on");
      assertThat(pg.getParameterStatus("standard_conforming_strings")).isEqualTo("on");
      assertThat(pg.getParameterStatus("application_name")).isEqualTo("wire-tests");
      assertThat(pg.getParameterStatus("session_authorization")).isEqualTo("tester");
      assertThat(pg.getBackendPID()).isPositive();
      assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(16);
    }
  }

  @Test
  void setShowAndResetAnswerLikePostgres() throws SQLException {
    try (Connection connection = simple(); Statement statement = connection.createStatement()) {
      statement.execute("SET application_name = 'renamed'");
      assertThat(connection.unwrap(PGConnection.class).getParameterStatus("application_name")).isEqualTo("renamed");
      statement.execute("SET TIME ZONE 'Europe/Paris'");
      try (ResultSet rs = statement.executeQuery("SHOW TimeZone")) {
        rs.next();
        assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("TimeZone");
        assertThat(rs.getString(1)).isEqualTo("Europe/Paris");
      }
      statement.execute("SET statement_timeout = '5s'");
      try (ResultSet rs = statement.executeQuery("SHOW statement_timeout")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("5s");
      }
      statement.execute("RESET statement_timeout");
      try (ResultSet rs = statement.executeQuery("SHOW statement_timeout")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("0");
      }
      assertThatThrownBy(() -> statement.execute("SET DateStyle = 'SQL, DMY'"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
      assertThatThrownBy(() -> statement.execute("SHOW no_such_parameter_xyz"))
          .isInstanceOf(SQLException.class);
    }
  }
}
