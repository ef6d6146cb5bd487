package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routes of issue 17 around the statement guard, over pgjdbc's simple and extended protocols,
 * for the roles that only read: Unicode whitespace DuckDB reads as a space, dollar-quote tags the
 * gateway's lexer does not know, data-modifying CTEs, file readers hidden the same ways and files
 * named as tables. Each is refused with 42501, the warehouse table and the lake's files are
 * unchanged (by content), DuckDB's engine-wide settings are unchanged, and the audit log holds the
 * refused statement's whole text. Ordinary string functions whose arguments look like paths are not
 * taken for file reads.
 */
class SecurityBypassWireTest {
  private static final String PASSWORD = "pw-for-tests";
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    List<UserConfig> users = RoleUsers.withPassword(PASSWORD);
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(users));
    try (Connection connection = login("engineer", "simple"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS derived");
      statement.execute("CREATE OR REPLACE TABLE derived.guarded AS SELECT * FROM range(10) r(a)");
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Connection login(String user, String mode) throws SQLException {
    return RoleUsers.login(gateway, user, PASSWORD, mode);
  }

  private static List<String> attacks() {
    String gold = gateway.home().dataDir().resolve("gold/daily_pnl/part-0.parquet").toString();
    String home = gateway.home().root().toString();
    return List.of(
        "DELETE\u00a0FROM derived.guarded",
        "DELETE\u2007FROM derived.guarded WHERE a < 5",
        "DROP\ufeffTABLE derived.guarded",
        "UPDATE\u3000derived.guarded SET a = a + 100",
        "SET\u00a0memory_limit = '20MB'",
        "SET\u180ethreads = 1",
        "COPY\u00a0(SELECT 1 AS a) TO '" + gold + "' (FORMAT parquet)",
        "ATTACH\u00a0'" + gateway.home().dataDir().resolve("x2.duckdb") + "' AS x2",
        "SELECT * FROM read_text\u00a0('" + gold + "')",
        "SELECT * FROM read_blob\u2007('" + gold + "')",
        "SELECT * FROM glob\u3000('" + home + "/*')",
        "SELECT * FROM query\u00a0('DELETE FROM derived.guarded')",
        "SELECT $€$ ' $€$; DELETE FROM derived.guarded WHERE a < 6; --'",
        "SELECT $٣$ ' $٣$; DELETE FROM derived.guarded; --'",
        "SELECT $€$ ' $€$; SET memory_limit = '20MB'; --'",
        "WITH d AS (DELETE FROM derived.guarded WHERE a < 8 RETURNING *) SELECT count(*) FROM d",
        "WITH d AS (INSERT INTO derived.guarded VALUES (99) RETURNING *) SELECT count(*) FROM d",
        "WITH d AS (UPDATE derived.guarded SET a = 0 RETURNING *) SELECT count(*) FROM d",
        "SELECT * FROM \"" + gold + "\"",
        "SELECT * FROM \"" + home + "/warehouse/logs/audit.jsonl\"",
        "SELECT * FROM '" + home + "/warehouse/warehouse.duckdb'",
        "SELECT * FROM read_text('" + home + "/data/_ingest_log.jsonl')",
        "SELECT current_setting('allowed_directories')",
        "SELECT current_setting('temp_directory')",
        "SELECT * FROM duckdb_settings()",
        "SELECT path FROM duckdb_databases()");
  }

  @Test
  void everyRouteIsRefusedForReadersOverBothProtocolsAndChangesNothing() throws Exception {
    String table = contents("SELECT string_agg(a::VARCHAR, ',' ORDER BY a) FROM derived.guarded");
    String settings = contents("SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name) "
        + "FROM duckdb_settings() WHERE name IN ('memory_limit', 'threads', 'max_temp_directory_size')");
    String lake = lakeDigest();
    for (String user : List.of("analyst", "appuser")) {
      for (String mode : List.of("simple", "extended")) {
        for (String sql : attacks()) {
          assertRefused(user, mode, sql);
        }
      }
    }
    assertThat(contents("SELECT string_agg(a::VARCHAR, ',' ORDER BY a) FROM derived.guarded")).isEqualTo(table);
    assertThat(contents("SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name) "
        + "FROM duckdb_settings() WHERE name IN ('memory_limit', 'threads', 'max_temp_directory_size')")).isEqualTo(settings);
    assertThat(lakeDigest()).isEqualTo(lake);
    assertThat(Files.exists(gateway.home().dataDir().resolve("x2.duckdb"))).isFalse();
    List<String> audited = auditedTexts();
    for (String sql : attacks()) {
      assertThat(audited).as("audit line with the whole statement").contains(sql);
    }
  }

  @Test
  void hiddenStatementsAreRefusedForWritersToo() throws Exception {
    String table = contents("SELECT string_agg(a::VARCHAR, ',' ORDER BY a) FROM derived.guarded");
    String gold = gateway.home().dataDir().resolve("gold/daily_pnl/part-0.parquet").toString();
    String lake = lakeDigest();
    for (String mode : List.of("simple", "extended")) {
      for (String sql : List.of(
          "SELECT $€$ ' $€$; SET memory_limit = '20MB'; --'",
          "SELECT $€$ ' $€$; COPY (SELECT 1 AS a) TO '" + gold + "' (FORMAT parquet); --'",
          "SET\u00a0memory_limit = '20MB'",
          "COPY\u00a0(SELECT 1 AS a) TO '" + gold + "' (FORMAT parquet)",
          "ATTACH\u00a0':memory:' AS m2")) {
        assertRefused("engineer", mode, sql);
      }
    }
    assertThat(contents("SELECT string_agg(a::VARCHAR, ',' ORDER BY a) FROM derived.guarded")).isEqualTo(table);
    assertThat(lakeDigest()).isEqualTo(lake);
  }

  @Test
  void stringArgumentsOfOrdinaryFunctionsAreNotFileReads() throws Exception {
    for (String mode : List.of("simple", "extended")) {
      try (Connection connection = login("analyst", mode);
          ResultSet rows = connection.createStatement().executeQuery(
              "SELECT trim(leading 'x' from 'xxxhello'), position('a' in 'bab'), replace('data/x.csv', 'x', 'y'), "
                  + "'/etc/passwd' AS path, 'a\u00a0b' AS nbsp")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("hello");
        assertThat(rows.getInt(2)).isEqualTo(2);
        assertThat(rows.getString(3)).isEqualTo("data/y.csv");
        assertThat(rows.getString(5)).isEqualTo("a\u00a0b");
      }
    }
    try (Connection connection = login("analyst", "extended");
        PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM derived.guarded WHERE a < ?")) {
      statement.setInt(1, 5);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(5);
      }
    }
  }

  @Test
  void theServedHomesSecretsArePrivate() throws Exception {
    Path warehouse = gateway.home().warehouseDir();
    for (Path directory : List.of(gateway.home().root(), gateway.home().dataDir(), warehouse, warehouse.resolve("logs"),
        gateway.home().configDir(), gateway.home().tempDir())) {
      assertThat(mode(directory)).as(directory.toString()).isEqualTo("rwx------");
    }
    for (Path file : List.of(gateway.home().warehouseFile(), warehouse.resolve("logs/audit.jsonl"),
        gateway.home().configDir().resolve("server.secret"))) {
      assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
    }
  }

  private static String mode(Path path) throws java.io.IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static void assertRefused(String user, String mode, String sql) throws SQLException {
    try (Connection connection = login(user, mode)) {
      if (mode.equals("extended")) {
        assertThatThrownBy(() -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
          }
        }).as("%s %s: %s", user, mode, sql)
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage())
                .isEqualTo("42501"));
      } else {
        assertThatThrownBy(() -> connection.createStatement().execute(sql)).as("%s %s: %s", user, mode, sql)
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage())
                .isEqualTo("42501"));
      }
    }
  }

  private static String contents(String sql) throws SQLException {
    try (Connection connection = login("admin", "simple"); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Every file of the lake with a digest of its bytes. */
  private static String lakeDigest() throws Exception {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(gateway.home().dataDir())) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        files.put(file.toString(), HexFormat.of().formatHex(digest));
      }
    }
    return files.toString();
  }

  private static List<String> auditedTexts() throws Exception {
    Path file = gateway.home().warehouseDir().resolve("logs/audit.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> texts = List.of();
    for (int attempt = 0; attempt < 100; attempt++) {
      texts = Files.readAllLines(file).stream().map(line -> readTree(json, line))
          .filter(line -> line.path("outcome").asText().equals("42501") && line.has("text"))
          .map(line -> line.get("text").asText()).toList();
      if (texts.size() >= attacks().size()) {
        break;
      }
      Thread.sleep(50);
    }
    return texts;
  }

  private static JsonNode readTree(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
