package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.testing.HiddenWriteStatements;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded hidden-write statements of {@code GuardFuzzTest}, a few hundred of them, sent over the
 * wire as an analyst through pgjdbc's simple and extended protocols: whatever each answers, the
 * warehouse table, DuckDB's engine-wide settings and the lake's files are unchanged at the end.
 */
class GuardFuzzWireTest {
  private static final String PASSWORD = "pw-for-tests";
  private static final int STATEMENTS = 400;

  @Test
  void nothingAnAnalystSendsChangesTheWarehouseTheLakeOrASetting() throws Exception {
    try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD)))) {
      try (Connection connection = connect(gateway, "engineer", "simple"); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA derived");
        statement.execute("CREATE TABLE derived.guarded AS SELECT range AS id FROM range(10)");
        statement.execute("CREATE SEQUENCE s");
      }
      String before = state(gateway);
      HiddenWriteStatements statements = new HiddenWriteStatements(new Random(20261203L), gateway.home().root().toString(),
          "derived.guarded");
      int refused = 0;
      try (Connection simple = connect(gateway, "analyst", "simple"); Connection extended = connect(gateway, "analyst", "extended")) {
        for (int i = 0; i < STATEMENTS; i++) {
          String sql = statements.next();
          try {
            if (i % 2 == 0) {
              simple.createStatement().execute(sql);
            } else {
              try (PreparedStatement statement = extended.prepareStatement(sql)) {
                statement.execute();
              }
            }
          } catch (SQLException e) {
            refused++;
          }
        }
      }
      assertThat(state(gateway)).isEqualTo(before);
      assertThat(refused).as("the generator must produce refusals").isGreaterThan(STATEMENTS / 2);
    }
  }

  private static String state(TestGateway gateway) throws Exception {
    StringBuilder state = new StringBuilder();
    try (Connection connection = connect(gateway, "admin", "simple"); Statement statement = connection.createStatement()) {
      for (String sql : new String[] {
          "SELECT count(*) || ':' || sum(id) FROM derived.guarded",
          "SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name) FROM duckdb_settings()"
              + " WHERE name IN ('memory_limit', 'threads', 'max_temp_directory_size', 'enable_external_access')",
          "SELECT string_agg(table_schema || '.' || table_name, ',' ORDER BY 1) FROM information_schema.tables"
              + " WHERE table_catalog <> 'temp'",
          "SELECT string_agg(database_name, ',' ORDER BY 1) FROM duckdb_databases()"}) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          rows.next();
          state.append(rows.getString(1)).append('\n');
        }
      }
    }
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(gateway.home().dataDir())) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(file.toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return state.append(files).toString();
  }

  private static Connection connect(TestGateway gateway, String user, String mode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("preferQueryMode", mode);
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }
}
