package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.LimitsConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-user connection limits, the idle-in-transaction timeout, slowed-down failed logins and memory limits. */
class LimitsWireTest {
  private static Connection connect(TestGateway gateway, String user, String password) throws SQLException {
    return connect(gateway, user, password, new Properties());
  }

  private static Connection connect(TestGateway gateway, String user, String password, Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(extra);
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static PlatformConfig withLimits(LimitsConfig limits) {
    return PlatformConfig.defaults().withGateway(GatewayConfig.defaults().withLimits(limits));
  }

  @Test
  void aUserBeyondItsConnectionLimitIsRefusedButOthersAreNot() throws Exception {
    try (TestGateway gateway = TestGateway.start(withLimits(new LimitsConfig(2, null, null, null)));
        Connection first = connect(gateway, "alice", null);
        Connection second = connect(gateway, "alice", null);
        Connection other = connect(gateway, "bob", null)) {
      assertThatThrownBy(() -> connect(gateway, "alice", null))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("53300");
            assertThat(e.getMessage()).contains("too many connections for role \"alice\"");
          });
      assertThat(first.isValid(5) && second.isValid(5) && other.isValid(5)).isTrue();
    }
  }

  @Test
  void aSessionIdleInATransactionIsEnded() throws Exception {
    try (TestGateway gateway = TestGateway.start(withLimits(new LimitsConfig(null, 1, null, null)));
        Connection connection = connect(gateway, "alice", null);
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SELECT 1");
      Thread.sleep(2_500);
      assertThatThrownBy(() -> statement.execute("SELECT 2"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("idle-in-transaction timeout"));
    }
    // Outside a transaction, idleness is fine.
    try (TestGateway gateway = TestGateway.start(withLimits(new LimitsConfig(null, 1, null, null)));
        Connection connection = connect(gateway, "alice", null)) {
      Thread.sleep(1_500);
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  @Test
  void pastTheFailedLoginLimitAnAddressIsRefusedUncheckedEvenWithTheRightPassword() throws Exception {
    UserConfig alice = new UserConfig("alice", "analyst", ScramVerifier.create("right", new SecureRandom()).encode(), null);
    PlatformConfig config = withLimits(new LimitsConfig(null, null, 2, null)).withUsers(List.of(alice));
    try (TestGateway gateway = TestGateway.start(config)) {
      try (Connection connection = connect(gateway, "alice", "right")) {
        assertThat(connection.isValid(5)).as("a right password is no guess").isTrue();
      }
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> connect(gateway, "alice", "wrong"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
      }
      // The third guess within a minute is not checked at all, and neither is the right password.
      for (String password : List.of("wrong", "right")) {
        assertThatThrownBy(() -> connect(gateway, "alice", password))
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("28000");
              assertThat(e.getMessage()).contains("too many failed logins from this address");
            });
      }
    }
  }

  /** A result whose batches need more than gateway.limits.queryMemory fails with 53200; the session and server go on. */
  @Test
  void aResultLargerThanTheQueryMemoryLimitIs53200() throws Exception {
    LimitsConfig limits = LimitsConfig.defaults().withQueryMemory("4MB");
    try (TestGateway gateway = TestGateway.start(withLimits(limits));
        Connection connection = connect(gateway, "alice", null);
        Statement statement = connection.createStatement()) {
      // Twenty rows of 1 MB each arrive as one Arrow batch of 20 MB.
      assertRefusedForQueryMemory(() -> statement.executeQuery("SELECT repeat('x', 1000000) || i FROM range(20) t(i)"));
      try (ResultSet small = statement.executeQuery("SELECT repeat('x', 1000) || i FROM range(20) t(i)")) {
        int rows = 0;
        while (small.next()) {
          rows++;
        }
        assertThat(rows).as("results within the limit are untouched").isEqualTo(20);
      }
      try (Connection other = connect(gateway, "bob", null); ResultSet one = other.createStatement().executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
      assertThat(gateway.server().arrowBytesAllocated()).as("the failed result's batches were released").isLessThan(4_000_000);
      connection.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (gateway.server().activeSessions() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(gateway.server().activeSessions()).isZero();
      assertThat(gateway.server().arrowBytesAllocated()).as("nothing leaked by the refused result").isZero();
    }
  }

  /**
   * A suspended portal is read into memory when its session runs another statement; past the
   * per-query limit that fails with 53200 and leaves no Arrow memory behind.
   */
  @Test
  void aSuspendedPortalTooLargeToHoldIs53200AndFreesItsMemory() throws Exception {
    LimitsConfig limits = LimitsConfig.defaults().withQueryMemory("4MB");
    try (TestGateway gateway = TestGateway.start(withLimits(limits));
        Connection connection = connect(gateway, "alice", null)) {
      connection.setAutoCommit(false);
      long before = gateway.server().arrowBytesAllocated();
      try (Statement portal = connection.createStatement(); Statement other = connection.createStatement()) {
        portal.setFetchSize(10);
        // 1 kB rows: each batch fits the limit, the 20 MB they add up to does not.
        try (ResultSet rows = portal.executeQuery("SELECT repeat('x', 1000) || i FROM range(20000) t(i)")) {
          assertThat(rows.next()).isTrue();
          assertThatThrownBy(() -> other.executeQuery("SELECT 1"))
              .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("53200"));
        }
      }
      connection.rollback();
      // Before the fix the portal's current 2 MB batch stayed allocated for the session's life.
      assertThat(gateway.server().arrowBytesAllocated() - before).as("no batch of the failed portal is held").isLessThan(64 * 1024);
      try (ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
    }
  }

  /** A SCROLL cursor holds its rows to move back over them: beyond the query memory limit that is 53200, and NO SCROLL still streams. */
  @Test
  void aScrollCursorLargerThanTheQueryMemoryLimitIs53200() throws Exception {
    LimitsConfig limits = LimitsConfig.defaults().withQueryMemory("4MB");
    try (TestGateway gateway = TestGateway.start(withLimits(limits));
        Connection connection = connect(gateway, "alice", null);
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      String rows = "SELECT repeat('x', 1000) || i FROM range(20000) t(i)";
      assertRefusedForQueryMemory(() -> statement.execute("DECLARE big SCROLL CURSOR FOR " + rows));
      connection.rollback();
      statement.execute("DECLARE streamed NO SCROLL CURSOR FOR " + rows);
      try (ResultSet fetched = statement.executeQuery("FETCH 5 FROM streamed")) {
        int count = 0;
        while (fetched.next()) {
          count++;
        }
        assertThat(count).isEqualTo(5);
      }
      connection.rollback();
    }
  }

  private static void assertRefusedForQueryMemory(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement) {
    assertThatThrownBy(statement).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("53200");
      assertThat(e.getMessage()).contains("gateway.limits.queryMemory");
    });
  }

  /** DuckDB running out of its memory_limit is 53200 too, and the session survives it. */
  @Test
  void duckDbOutOfMemoryIs53200() throws Exception {
    PlatformConfig config = withLimits(LimitsConfig.defaults())
        .withDuckDb(new DuckDbConfig("64MB", 1, null));
    try (TestGateway gateway = TestGateway.start(config);
        Connection connection = connect(gateway, "alice", null);
        Statement statement = connection.createStatement()) {
      // One list of 50 million BIGINTs (400 MB) cannot be spilled to disk.
      String tooBig = "SELECT length(list(i)) FROM range(50000000) t(i)";
      assertThatThrownBy(() -> statement.executeQuery(tooBig))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("53200");
            // DuckDB's advice (SET threads, SET memory_limit) is engine-wide and refused here: ours replaces it.
            assertThat(e.getMessage()).contains("out of memory: the query needs more than DuckDB's memory_limit allows")
                .contains("duckdb.memoryLimit").doesNotContain("SET threads");
          });
      try (ResultSet one = statement.executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
      // The simple query protocol's path, and another session meanwhile.
      Properties simple = new Properties();
      simple.setProperty("preferQueryMode", "simple");
      try (Connection simpleConnection = connect(gateway, "carol", null, simple);
          Statement simpleStatement = simpleConnection.createStatement();
          Connection other = connect(gateway, "bob", null);
          ResultSet rows = other.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
        assertThatThrownBy(() -> simpleStatement.executeQuery(tooBig))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53200"));
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(10_000);
      }
      assertPsqlSeesOutOfMemory(gateway, tooBig);
    }
  }

  /** psql, where installed: the error with its SQLSTATE, and the next command on the same session answers. */
  private static void assertPsqlSeesOutOfMemory(TestGateway gateway, String sql) throws Exception {
    Path psql = PsqlBinary.find();
    if (psql == null) {
      System.out.println("psql not found: its out-of-memory check is skipped");
      return;
    }
    Process process = new ProcessBuilder(psql.toString(), "-X", "-A", "-t", "-v", "VERBOSITY=verbose", "-h", "127.0.0.1",
        "-p", Integer.toString(gateway.port()), "-U", "dave", "-d", "lake", "-c", sql, "-c", "SELECT 40 + 2").start();
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err).contains("ERROR:  53200: out of memory");
    assertThat(out).isEqualTo("42\n");
  }

  @Test
  void theQueryMemoryLimitSizesDuckDbWhenItHasNoLimitOfItsOwn() {
    LimitsConfig limits = new LimitsConfig(null, null, null, null, 4, null).withQueryMemory("512MB");
    PlatformConfig config = withLimits(limits);
    assertThat(config.servingDuckDb().memoryLimit()).isEqualTo("2048000000B");
    assertThat(config.withDuckDb(new DuckDbConfig("1GB", 0, null)).servingDuckDb().memoryLimit()).isEqualTo("1GB");
    assertThat(withLimits(LimitsConfig.defaults().withQueryMemory("512MB")).servingDuckDb().memoryLimit())
        .as("no bound on concurrent queries: nothing to multiply, the shared-server default").isEqualTo("40%");
    assertThat(config.servingDuckDb().maxTempDirectorySize()).as("spill capped by default").isEqualTo("20GB");
  }

  /** duckdb.maxTempDirectorySize caps DuckDB's spill files, so a runaway query cannot fill the disk. */
  @Test
  void theSpillCapReachesDuckDb() throws Exception {
    PlatformConfig config = withLimits(LimitsConfig.defaults())
        .withDuckDb(new DuckDbConfig(null, 1, null, null, "8MiB"));
    try (TestGateway gateway = TestGateway.start(config);
        Connection connection = connect(gateway, "alice", null);
        ResultSet setting = connection.createStatement().executeQuery(
            "SELECT value FROM duckdb_settings() WHERE name = 'max_temp_directory_size'")) {
      assertThat(setting.next()).isTrue();
      assertThat(setting.getString(1)).isEqualTo("8.0 MiB");
    }
  }
}
