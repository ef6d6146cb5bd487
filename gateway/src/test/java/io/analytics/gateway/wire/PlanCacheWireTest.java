package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions keep DuckDB's plans of repeated SELECTs (simple protocol, and Parse in the extended one):
 * over pgjdbc in both modes, a repeated statement answers as a fresh one would after another session
 * replaced the view it reads, after SET search_path, after a temporary table came to shadow a table,
 * after a rolled-back CREATE TABLE and after SET TimeZone, as PostgreSQL does.
 */
class PlanCacheWireTest {
  private TestGateway gateway;

  @BeforeEach
  void start() {
    gateway = TestGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "extended"})
  void aViewReplacedByAnotherSessionIsReadAndDescribedAsItIsNow(String mode) throws Exception {
    try (Connection reader = connect(mode); Connection writer = connect(mode); Statement ddl = writer.createStatement()) {
      ddl.execute("CREATE VIEW plan_v AS SELECT 1 AS a");
      for (int i = 0; i < 3; i++) {
        assertThat(labelsAndFirstRow(reader, "SELECT * FROM plan_v")).isEqualTo("a=1");
      }
      ddl.execute("CREATE OR REPLACE VIEW plan_v AS SELECT 'x' AS b, 2 AS c");
      assertThat(labelsAndFirstRow(reader, "SELECT * FROM plan_v")).isEqualTo("b=x,c=2");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "extended"})
  void setSearchPathMakesTheSameTextReadTheOtherSchemasTable(String mode) throws Exception {
    try (Connection connection = connect(mode); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA plan_s1");
      statement.execute("CREATE SCHEMA plan_s2");
      statement.execute("CREATE TABLE plan_s1.t AS SELECT 'one' AS v");
      statement.execute("CREATE TABLE plan_s2.t AS SELECT 'two' AS v");
      statement.execute("SET search_path = plan_s1");
      assertRepeatedThenChanged(connection, "SELECT v FROM t", "v=one", () -> statement.execute("SET search_path = plan_s2"), "v=two");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "extended"})
  void aTemporaryTableShadowsTheTableARepeatedStatementRead(String mode) throws Exception {
    try (Connection connection = connect(mode); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE plan_shadowed AS SELECT 'base' AS v");
      assertRepeatedThenChanged(connection, "SELECT v FROM plan_shadowed", "v=base",
          () -> statement.execute("CREATE TEMP TABLE plan_shadowed AS SELECT 'temp' AS v"), "v=temp");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "extended"})
  void aTableCreatedInARolledBackTransactionIsGoneForARepeatedStatement(String mode) throws Exception {
    try (Connection connection = connect(mode); Statement statement = connection.createStatement()) {
      statement.execute("BEGIN");
      statement.execute("CREATE TABLE plan_rolled_back AS SELECT 5 AS n");
      assertThat(labelsAndFirstRow(connection, "SELECT n FROM plan_rolled_back")).isEqualTo("n=5");
      assertThat(labelsAndFirstRow(connection, "SELECT n FROM plan_rolled_back")).isEqualTo("n=5");
      statement.execute("ROLLBACK");
      assertThatThrownBy(() -> labelsAndFirstRow(connection, "SELECT n FROM plan_rolled_back"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "extended"})
  void setTimeZoneChangesWhatARepeatedStatementComputes(String mode) throws Exception {
    String sql = "SELECT CAST(TIMESTAMPTZ '2024-01-01 23:30:00+00' AS DATE)::text AS d";
    try (Connection connection = connect(mode); Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      assertRepeatedThenChanged(connection, sql, "d=2024-01-01", () -> statement.execute("SET TimeZone = 'Asia/Tokyo'"), "d=2024-01-02");
    }
  }

  private Connection connect(String mode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("preferQueryMode", mode);
    // Every execution through an unnamed statement: each is a Parse of the same text.
    properties.setProperty("prepareThreshold", "0");
    return gateway.connect(properties);
  }

  /** Something a test does between runs of a statement. */
  private interface Change {
    void make() throws SQLException;
  }

  /**
   * Runs {@code sql} twice (the second run may use the session's kept plan), answering {@code before}
   * both times, then makes {@code change} and runs it again, answering {@code after}, as a fresh prepare would.
   */
  private static void assertRepeatedThenChanged(Connection connection, String sql, String before, Change change, String after)
      throws SQLException {
    assertThat(labelsAndFirstRow(connection, sql)).isEqualTo(before);
    assertThat(labelsAndFirstRow(connection, sql)).isEqualTo(before);
    change.make();
    assertThat(labelsAndFirstRow(connection, sql)).isEqualTo(after);
  }

  /** "label=value,..." of the first row. */
  private static String labelsAndFirstRow(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      List<String> parts = new ArrayList<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        parts.add(rows.getMetaData().getColumnLabel(i) + "=" + rows.getString(i));
      }
      return String.join(",", parts);
    }
  }
}
