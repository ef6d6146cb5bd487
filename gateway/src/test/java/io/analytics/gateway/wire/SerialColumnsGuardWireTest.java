package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A writer's DDL the dialect turns into several statements (a serial column's sequence before its
 * table) is checked part by part before any part runs, and the text DuckDB finally prepares is
 * checked again: an engineer's serial table in a layer schema is refused with 42501 and leaves no
 * sequence behind, however the schema is named (qualified, USE, SET schema), while one in a
 * warehouse schema numbers its rows.
 */
class SerialColumnsGuardWireTest {
  private static final String PASSWORD = "pw-for-tests";
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void serialTablesInALayerAreRefusedWholeAndElsewhereNumberTheirRows() throws Exception {
    for (String mode : List.of("simple", "extended")) {
      try (Connection engineer = login("engineer", mode); Statement statement = engineer.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS derived");
        statement.execute("CREATE TABLE derived.numbered_" + mode + " (id serial PRIMARY KEY, name text)");
        statement.execute("INSERT INTO derived.numbered_" + mode + " (name) VALUES ('a'), ('b')");
        try (ResultSet rows = statement.executeQuery("SELECT string_agg(id::text || name, ',' ORDER BY id) FROM derived.numbered_" + mode)) {
          rows.next();
          assertThat(rows.getString(1)).isEqualTo("1a,2b");
        }
        for (String sql : List.of("CREATE TABLE gold.planted_" + mode + " (id serial, v text)",
            "CREATE TABLE \"gold\".planted_" + mode + " (id bigserial)")) {
          assertRefused(statement, sql);
        }
        statement.execute("USE gold");
        assertRefused(statement, "CREATE TABLE planted_" + mode + " (id serial)");
        statement.execute("USE main");
        statement.execute("SET schema = 'silver'");
        assertRefused(statement, "CREATE TABLE planted_" + mode + " (id smallserial)");
        statement.execute("SET schema = 'main'");
      }
    }
    try (Connection admin = login("admin", "simple"); Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT schema_name || '.' || sequence_name FROM duckdb_sequences() ORDER BY 1")) {
      List<String> sequences = new ArrayList<>();
      while (rows.next()) {
        sequences.add(rows.getString(1));
      }
      assertThat(sequences).noneMatch(name -> name.contains("planted"))
          .contains("derived.numbered_simple_id_seq", "derived.numbered_extended_id_seq");
    }
  }

  private static void assertRefused(Statement statement, String sql) {
    assertThatThrownBy(() -> statement.execute(sql)).as(sql)
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
  }

  private static Connection login(String user, String mode) throws SQLException {
    return RoleUsers.login(gateway, user, PASSWORD, mode);
  }
}
