package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import io.analytics.gateway.testing.SingleValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client SQL cannot reach outside the lake, whatever the role, and each role reads and writes
 * exactly what it may: an adversarial list of attempts, each refused with 42501.
 */
class SecurityWireTest {
  private static final String PASSWORD = "pw-for-tests";
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    List<UserConfig> users = RoleUsers.withPassword(PASSWORD);
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(users));
    // A link planted in the lake that points out of it.
    Files.createSymbolicLink(gateway.home().dataDir().resolve("bronze").resolve("escape"), Path.of("/etc"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Connection login(String user) throws SQLException {
    return login(user, new Properties());
  }

  private static Connection login(String user, Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(extra);
    properties.setProperty("user", user);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static void assertRefused(String user, String sql) throws SQLException {
    assertRefused(user, sql, new Properties());
  }

  private static void assertRefused(String user, String sql, Properties extra) throws SQLException {
    try (Connection connection = login(user, extra); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute(sql))
          .as("%s: %s", user, sql)
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as("%s: %s -> %s", user, sql, e.getMessage()).isEqualTo("42501");
            assertThat(e.getMessage()).contains("permission denied");
          });
      // A refused statement inside a BEGIN of the same string leaves that transaction aborted, as in PostgreSQL.
      statement.execute("ROLLBACK");
      // The session lives on.
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }

  private static long count(String user, String sql) throws SQLException {
    try (Connection connection = login(user); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT * FROM read_text('/etc/passwd')",
      "SeLeCt * FrOm ReAd_TeXt('/etc/passwd')",
      "SELECT * FROM read_text /* comment */ ('/etc/passwd')",
      "SELECT * FROM \"read_text\"('/etc/passwd')",
      "SELECT * FROM main.read_csv('/etc/passwd')",
      "WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x",
      "SELECT * FROM '/etc/passwd'",
      "SELECT (SELECT content FROM read_text('/etc/hostname'))",
      "SELECT * FROM read_text(['/etc/passwd'])",
      "SELECT * FROM read_text('DATA/../../../etc/passwd')",
      "SELECT * FROM glob('/etc/*')",
      "SELECT * FROM query('SELECT * FROM read_text(''/etc/passwd'')')",
      "SELECT * FROM read_text(concat('/etc/', 'passwd'))",
      "COPY (SELECT 1) TO '/tmp/evil.csv'",
      "COPY bronze.trades TO '/tmp/evil.parquet' (FORMAT parquet)",
      "EXPORT DATABASE '/tmp/evil'",
      "IMPORT DATABASE '/tmp/evil'",
      "INSTALL httpfs",
      "LOAD httpfs",
      "ATTACH '/tmp/other.duckdb' AS other",
      "DETACH warehouse",
      "SET enable_external_access = true",
      "SET GLOBAL threads = 1",
      "SET SESSION allowed_directories = ['/']",
      "PRAGMA threads = 1",
      "CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')",
      "SELECT 1; COPY (SELECT 1) TO '/tmp/evil.csv'",
      "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM read_text(''/etc/passwd'')'))",
      "CALL copy_database('memory', 'warehouse')",
      "CALL import_database('/tmp/evil')",
      "SELECT * FROM read_duckdb('/tmp/other.duckdb')",
      "CALL enable_logging()",
      "CALL disable_checkpoint_on_shutdown()",
      "CALL add_parquet_key('k', '0123456789112345')",
      "CALL query('SELECT 1')"})
  void attemptsToReachOutsideTheLakeAreRefusedForEveryone(String sql) throws SQLException {
    assertRefused("admin", sql);
    assertRefused("analyst", sql);
  }

  @Test
  void linksPlantedInTheLakeDoNotLeadOut() throws SQLException {
    String escape = gateway.home().dataDir().resolve("bronze").resolve("escape").toString();
    assertRefused("admin", "SELECT * FROM read_text('" + escape + "/hostname')");
    assertRefused("admin", "SELECT * FROM read_text('" + gateway.home().dataDir().resolve("bronze") + "/*/hostname')");
  }

  @Test
  void preparedStatementsAreCheckedToo() throws SQLException {
    try (Connection connection = login("analyst");
        PreparedStatement statement = connection.prepareStatement("SELECT * FROM read_text(?)")) {
      statement.setString(1, "/etc/passwd");
      assertThatThrownBy(statement::executeQuery)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }

  @Test
  void duckDbItselfRefusesFilesOutsideTheLakeEvenForPathsTheGatewayAllows() throws SQLException {
    // An engineer may read lake files by path; DuckDB's own allowed_directories is the second wall.
    String trades = gateway.home().dataDir().resolve("bronze/trades").toString();
    assertThat(count("engineer", "SELECT count(*) FROM read_parquet('" + trades + "/**/*.parquet')")).isEqualTo(10_000);
    assertRefused("engineer", "SELECT * FROM read_parquet('/etc/*.parquet')");
  }

  @Test
  void appReadsOnlyTheGoldLayer() throws SQLException {
    assertThat(count("appuser", "SELECT count(*) FROM gold.daily_pnl")).isEqualTo(100);
    assertThat(count("appuser", "SELECT count(*) FROM daily_pnl")).as("search path is gold").isEqualTo(100);
    assertThat(count("appuser", "WITH t AS (SELECT * FROM gold.daily_pnl) SELECT count(*) FROM t")).isEqualTo(100);
    assertRefused("appuser", "SELECT count(*) FROM bronze.trades");
    assertRefused("appuser", "SELECT * FROM gold.daily_pnl WHERE symbol IN (SELECT symbol FROM bronze.trades)");
    assertRefused("appuser", "SELECT * FROM gold.daily_pnl UNION ALL SELECT NULL, symbol, NULL FROM silver.positions");
    assertRefused("appuser", "SELECT count(*) FROM \"BRONZE\".trades");
    assertRefused("appuser", "EXPLAIN SELECT * FROM bronze.trades");
    assertRefused("appuser", "DESCRIBE bronze.trades");
    assertRefused("appuser", "SET search_path = bronze");
    assertRefused("appuser", "CREATE TABLE main.t (a INT)");
  }

  @Test
  void appSeesOnlyTheGoldLayerInTheCatalog() throws SQLException {
    try (Connection connection = login("admin"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE VIEW gold.leak AS SELECT * FROM bronze.trades");
    }
    // The session's own TEMP catalog objects (pg_roles, ...) live in the temp catalog.
    assertThat(count("appuser", "SELECT count(*) FROM information_schema.tables WHERE table_schema <> 'gold'"
        + " AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_catalog <> 'temp'")).isZero();
    assertThat(count("appuser", "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'gold'")).isEqualTo(1);
    assertThat(count("analyst", "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'bronze'")).isPositive();
    // A view an admin put in the gold schema of the warehouse is not part of app's gold layer.
    try (Connection connection = login("appuser"); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM gold.leak")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void analystsReadEveryLayerButWriteNothing() throws SQLException {
    assertThat(count("analyst", "SELECT count(*) FROM bronze.trades")).isEqualTo(10_000);
    assertRefused("analyst", "CREATE TABLE main.t (a INT)");
    assertRefused("analyst", "INSERT INTO main.t VALUES (1)");
    assertRefused("analyst", "BEGIN; DELETE FROM main.t; COMMIT");
    assertRefused("analyst", "SELECT * FROM read_parquet('" + gateway.home().dataDir().resolve("bronze/trades") + "/**/*.parquet')");
    assertRefused("analyst", "CHECKPOINT");
    assertRefused("analyst", "/* report */ insert INTO \"main\".t VALUES (1)");
    assertRefused("analyst", "WITH x AS (SELECT 1 AS a) INSERT INTO main.t SELECT a FROM x");
    assertRefused("analyst", "UPDATE main.t SET a = 2");
    assertRefused("analyst", "DROP TABLE IF EXISTS main.t");
    assertRefused("analyst", "CREATE VIEW bronze.v AS SELECT 1");
    assertRefused("analyst", "SELECT 1; COMMIT; CREATE TABLE main.t2 (a INT)");
  }

  /** The writes an analyst could send other than as SQL text: prepared, and COPY FROM STDIN. */
  @Test
  void analystsCannotWriteThroughPreparedStatementsOrCopy() throws Exception {
    try (Connection connection = login("analyst")) {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO main.t VALUES (?)")) {
        insert.setInt(1, 1);
        assertThatThrownBy(insert::executeUpdate)
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      }
      org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      assertThatThrownBy(() -> copy.copyIn("COPY main.t FROM STDIN", new java.io.StringReader("1\n")))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }

  /**
   * Analysts share the engineers' DuckDB instance (only app has its own), so the guard alone keeps
   * them from writing: every route to a write is tried on a table that exists, which must be unchanged.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "INSERT INTO derived.guarded VALUES (4)",
      "INSERT OR REPLACE INTO derived.guarded VALUES (1)",
      "UPDATE derived.guarded SET a = a + 1",
      "DELETE FROM derived.guarded",
      "TRUNCATE derived.guarded",
      "MERGE INTO derived.guarded g USING (SELECT 9 AS a) s ON g.a = s.a WHEN NOT MATCHED THEN INSERT VALUES (s.a)",
      "DROP TABLE derived.guarded",
      "ALTER TABLE derived.guarded ADD COLUMN b INT",
      "ALTER TABLE derived.guarded RENAME TO stolen",
      "COMMENT ON TABLE derived.guarded IS 'mine'",
      "CREATE TABLE derived.mine AS SELECT 1",
      "CREATE OR REPLACE TABLE derived.guarded AS SELECT 1 AS a",
      "CREATE VIEW derived.mine AS SELECT 1",
      "CREATE SCHEMA mine",
      "CREATE TEMP TABLE scratch (a INT)",
      "CREATE MACRO mine(x) AS x + 1",
      "CREATE SEQUENCE mine",
      "EXPLAIN ANALYZE DELETE FROM derived.guarded",
      "WITH d AS (SELECT 1) DELETE FROM derived.guarded",
      "PREPARE p AS DELETE FROM derived.guarded",
      "PREPARE p (INT) AS INSERT INTO derived.guarded VALUES ($1)",
      "PREPARE p AS WITH x AS (SELECT 1) DELETE FROM derived.guarded",
      "/* hidden */ delete /* from */ FROM \"derived\".\"guarded\"",
      "COPY derived.guarded FROM '/dev/null'",
      "CHECKPOINT",
      "VACUUM",
      "CALL checkpoint()",
      "SELECT * FROM force_checkpoint()",
      "SELECT nextval('derived.guarded_ids')",
      "SELECT setval('derived.guarded_ids', 100)",
      "SELECT 1; DELETE FROM derived.guarded",
      "BEGIN; DELETE FROM derived.guarded; COMMIT",
      "COMMIT; DELETE FROM derived.guarded",
      "SELECT 1; COMMIT; DROP TABLE derived.guarded; BEGIN"})
  void analystsCannotWriteByAnyRoute(String sql) throws SQLException {
    createGuardedTable();
    assertRefused("analyst", sql);
    // The simple query protocol sends a multi-statement string as one message, split by the gateway.
    Properties simple = new Properties();
    simple.setProperty("preferQueryMode", "simple");
    assertRefused("analyst", sql, simple);
    // Inside a transaction the analyst opened, too.
    try (Connection connection = login("analyst", new Properties()); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(() -> statement.execute(sql)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).as("%s -> %s", sql, e.getMessage()).isEqualTo("42501"));
      connection.rollback();
    }
    // One engineer session reads what every route left behind.
    assertThat(counts("engineer", "SELECT count(*) FROM derived.guarded WHERE a IN (1, 2, 3)", "SELECT count(*) FROM derived.guarded",
        "SELECT count(*) FROM duckdb_sequences() WHERE schema_name = 'derived' AND sequence_name = 'guarded_ids' AND last_value IS NULL",
        "SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('mine', 'stolen', 'scratch') OR schema_name = 'mine'"))
        .as("rows kept, the sequence not advanced, nothing created").containsExactly(3L, 3L, 1L, 0L);
  }

  private static List<Long> counts(String user, String... queries) throws SQLException {
    List<Long> counts = new ArrayList<>();
    try (Connection connection = login(user); Statement statement = connection.createStatement()) {
      for (String sql : queries) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          rows.next();
          counts.add(rows.getLong(1));
        }
      }
    }
    return counts;
  }

  @Test
  void analystsCannotCopyRowsInFromStdin() throws Exception {
    createGuardedTable();
    try (Connection connection = login("analyst")) {
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      assertThatThrownBy(() -> copy.copyIn("COPY derived.guarded FROM STDIN", new StringReader("7\n8\n")))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> copy.copyIn("COPY derived.guarded (a) FROM STDIN (FORMAT csv)", new StringReader("7\n")))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
    assertThat(count("engineer", "SELECT count(*) FROM derived.guarded")).isEqualTo(3);
  }

  private static boolean guardedTableCreated;

  /**
   * The table and sequence the refused routes aim at, created once: every case checks they are left
   * as created (rows, the sequence never advanced), so no case needs a fresh copy, and the warehouse
   * stays unchanged between cases (a change would make the analysts' tier copy a new snapshot).
   */
  private static synchronized void createGuardedTable() throws SQLException {
    if (guardedTableCreated) {
      return;
    }
    guardedTableCreated = true;
    try (Connection connection = login("engineer"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS derived");
      statement.execute("CREATE OR REPLACE TABLE derived.guarded AS SELECT * FROM (VALUES (1), (2), (3)) v(a)");
      statement.execute("CREATE OR REPLACE SEQUENCE derived.guarded_ids");
    }
  }

  @Test
  void engineersWriteTheWarehouseButNotTheLakeLayers() throws SQLException {
    long goldRows = count("analyst", "SELECT count(*) FROM gold.daily_pnl");
    try (Connection connection = login("engineer"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS derived");
      statement.execute("CREATE OR REPLACE TABLE derived.symbols AS SELECT DISTINCT symbol FROM bronze.trades");
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM derived.symbols")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(20);
      }
    }
    // The layers belong to the platform: an engineer creates, replaces and drops nothing there, by any route.
    assertRefused("engineer", "CREATE OR REPLACE VIEW bronze.sym1 AS SELECT * FROM bronze.trades WHERE symbol = 'SYM1'");
    assertRefused("engineer", "CREATE OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake");
    assertRefused("engineer", "DROP VIEW bronze.trades");
    assertRefused("engineer", "ALTER VIEW gold.daily_pnl RENAME TO x");
    assertRefused("engineer", "USE gold; CREATE TABLE t AS SELECT 1");
    assertRefused("engineer", "SET schema = 'gold'; CREATE TABLE t AS SELECT 1");
    assertRefused("engineer", "SET search_path = 'gold'; CREATE VIEW v AS SELECT 1");
    assertRefused("engineer", "CREATE\u00a0OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake");
    assertRefused("engineer", "CREATE OR REPLACE VIEW \"gold\".\"daily_pnl\" AS SELECT 1 AS fake");
    assertRefused("engineer", "WITH d AS (INSERT INTO gold.daily_pnl SELECT * FROM gold.daily_pnl RETURNING 1) SELECT 1");
    assertThat(count("analyst", "SELECT count(*) FROM gold.daily_pnl")).isEqualTo(goldRows);
    try (Connection connection = login("admin"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE VIEW bronze.sym1 AS SELECT * FROM bronze.trades WHERE symbol = 'SYM1'");
      statement.execute("DROP VIEW bronze.sym1");
    }
    assertRefused("engineer", "CREATE TABLE bronze.t AS SELECT 1");
    assertRefused("engineer", "DROP TABLE gold.daily_pnl");
    assertRefused("engineer", "DROP SCHEMA silver CASCADE");
    assertRefused("engineer", "INSERT INTO gold.daily_pnl SELECT * FROM gold.daily_pnl");
    assertRefused("engineer", "CHECKPOINT");
    assertRefused("engineer", "SELECT * FROM read_text('/etc/passwd')");
  }

  @Test
  void adminsMayRunMaintenance() throws SQLException {
    try (Connection connection = login("admin"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE maintenance_probe AS SELECT 1 AS x");
      statement.execute("CHECKPOINT");
      statement.execute("INSERT INTO maintenance_probe VALUES (2)");
      statement.execute("CALL checkpoint()");
      assertThat(SingleValue.of(statement, "SELECT sum(x) FROM maintenance_probe")).as("what was written survives both").isEqualTo("3");
      statement.execute("DROP TABLE maintenance_probe");
      statement.execute("SET TimeZone = 'Europe/Paris'");
      assertThat(SingleValue.of(statement, "SHOW TimeZone")).isEqualTo("Europe/Paris");
      assertThat(SingleValue.of(statement, "SELECT current_setting('TimeZone')")).isEqualTo("Europe/Paris");
      statement.execute("SET search_path = 'gold'");
      assertThat(SingleValue.of(statement, "SHOW search_path")).isEqualTo("gold");
      assertThat(SingleValue.of(statement, "SELECT current_schema()")).isEqualTo("gold");
    }
  }
}
