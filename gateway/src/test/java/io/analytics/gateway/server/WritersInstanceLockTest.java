package io.analytics.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.testing.AuditedRefusals;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privilege by construction for engine-wide settings on the instance writers share (the
 * warehouse's own): its configuration is locked like the readers' tiers, except that a session may
 * still set its own TimeZone. With the statement guard out of the way (statements run straight on
 * a connection of that instance, as a session's prepare and execute would), DuckDB refuses every
 * SET, RESET, PRAGMA and switch function of an engine-wide setting; over the wire an engineer's and
 * an admin's attempts are refused with 42501 and audited, and engineers keep PostgreSQL's per-session
 * time-zone arithmetic.
 */
class WritersInstanceLockTest {
  private static final String PASSWORD = "pw-for-tests";
  private static final String SETTINGS = "SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name)"
      + " FROM duckdb_settings() WHERE name NOT IN ('search_path', 'schema')";
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** Engine-wide settings written plainly, as SQL past the guard would reach DuckDB. */
  private static List<String> settingAttacks() {
    Path home = gateway.home().root();
    return List.of(
        "SET memory_limit = '20MB'", "SET threads = 1", "SET GLOBAL threads = 1", "SET SESSION threads = 1",
        "RESET memory_limit", "RESET threads", "PRAGMA memory_limit = '20MB'", "PRAGMA threads = 1",
        "SET enable_external_access = true", "SET allowed_directories = ['/']", "SET allowed_paths = ['/etc/passwd']",
        "SET temp_directory = '" + home + "'", "SET max_temp_directory_size = '1TB'",
        "SET lock_configuration = false", "SET GLOBAL lock_configuration = false",
        "SET allowed_configs = ['memory_limit']", "SET GLOBAL allowed_configs = ['memory_limit']", "RESET allowed_configs",
        "SET profile_output = '" + home + "/p.txt'", "SET enable_profiling = 'json'", "CALL enable_logging()",
        "SET autoinstall_known_extensions = true", "SET autoload_known_extensions = true",
        "SET allow_community_extensions = true", "SET extension_directory = '" + home + "'",
        "SET default_null_order = 'nulls_first'", "SET GLOBAL integer_division = false",
        "SET preserve_identifier_case = true", "SET calendar = 'japanese'", "SET enable_progress_bar = true",
        "SET checkpoint_threshold = '1GB'", "SET parquet_metadata_cache = false");
  }

  @Test
  void withoutTheGuardDuckDbRefusesEveryEngineWideSettingOnTheWritersInstance() throws Exception {
    DuckDbDatabase writers = gateway.server().services().instances().database();
    String before = query(writers, SETTINGS);
    List<String> succeeded = new ArrayList<>();
    try (Connection connection = writers.connect()) {
      for (String sql : settingAttacks()) {
        if (runAsASessionWould(connection, sql)) {
          succeeded.add(sql);
        }
      }
      // What stays a session's own: its TimeZone, on its connection only.
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone = 'Europe/Paris'");
        assertThat(single(statement, "SELECT current_setting('TimeZone')")).isEqualTo("Europe/Paris");
      }
    }
    assertThat(succeeded).isEmpty();
    assertThat(query(writers, SETTINGS)).isEqualTo(before);
    assertThat(query(writers, "SELECT current_setting('lock_configuration')::VARCHAR")).isEqualTo("true");
  }

  @Test
  void writersAreRefusedEngineWideSettingsOverTheWireAndEachRefusalIsAudited() throws Exception {
    DuckDbDatabase writers = gateway.server().services().instances().database();
    String before = query(writers, SETTINGS);
    List<String> attacks = List.of("SET memory_limit = '20MB'", "SET GLOBAL TimeZone = 'Asia/Tokyo'",
        "SET calendar = 'japanese'", "PRAGMA threads = 1", "SET enable_progress_bar = true",
        "SET\u00a0threads = 1", "SELECT $€$ ' $€$; SET memory_limit = '20MB'; --'");
    for (String user : List.of("engineer", "admin")) {
      for (String mode : List.of("simple", "extended")) {
        for (String sql : attacks) {
          try (Connection connection = RoleUsers.login(gateway, user, PASSWORD, mode)) {
            assertThatThrownBy(() -> {
              if (mode.equals("simple")) {
                connection.createStatement().execute(sql); // one Query message holding the whole text
              } else {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                  statement.execute();
                }
              }
            }).as("%s %s: %s", user, mode, sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage()).isEqualTo("42501"));
          }
        }
      }
    }
    assertThat(query(writers, SETTINGS)).isEqualTo(before);
    List<String> audited = AuditedRefusals.texts(gateway, attacks.size());
    for (String sql : attacks) {
      assertThat(audited).as("audit line with the whole statement").contains(sql);
    }
  }

  @Test
  void engineersComputeInTheirSessionsTimeZoneAsPostgresDoes() throws Exception {
    // Values from PostgreSQL 15 with SET TimeZone = 'Europe/Paris' (summer time, UTC+2).
    try (Connection engineer = RoleUsers.login(gateway, "engineer", PASSWORD, "extended");
        Statement statement = engineer.createStatement()) {
      statement.execute("SET TimeZone = 'Europe/Paris'");
      try (ResultSet rows = statement.executeQuery("SELECT extract(hour FROM timestamptz '2024-07-01 00:30:00+00'), "
          + "date_trunc('day', timestamptz '2024-07-01 23:30:00+00')::date::VARCHAR, "
          + "timestamptz '2024-01-01 10:00' = timestamptz '2024-01-01 09:00:00+00'")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(2);
        assertThat(rows.getString(2)).isEqualTo("2024-07-02");
        assertThat(rows.getBoolean(3)).isTrue();
      }
    }
  }

  @Test
  void aSessionThatNamesNoTimeZoneComputesInTheGatewaysDefaultWhateverTheInstancesDefault() throws Exception {
    DuckDbDatabase writers = gateway.server().services().instances().database();
    // Settable below the guard (DuckDB's exception is by name): it must not reach any session.
    writers.execute("SET GLOBAL TimeZone = 'Asia/Tokyo'");
    try {
      // psql sends no TimeZone in its startup packet; PostgreSQL's answer in UTC is 0.
      String out = PsqlBinary.script(gateway.host(), gateway.port(), "engineer", "lake", PASSWORD,
          "SELECT extract(hour FROM timestamptz '2024-07-01 00:30:00+00');\n", "-A", "-t");
      assertThat(out.strip()).isEqualTo("0");
    } finally {
      writers.execute("SET GLOBAL TimeZone = 'UTC'");
    }
  }

  /** duckdb_jdbc's prepare runs all statements but the last, then the last is executed. */
  private static boolean runAsASessionWould(Connection connection, String sql) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String query(DuckDbDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      return single(statement, sql);
    }
  }
}
