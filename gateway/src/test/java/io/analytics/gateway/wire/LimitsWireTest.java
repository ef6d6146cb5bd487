package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.GatewayConfig;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Per-user connection limits, the idle-in-transaction timeout and slowed-down failed logins. */
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
  void failedLoginsFromOneAddressAreAnsweredMoreSlowly() throws Exception {
    UserConfig alice = new UserConfig("alice", "analyst", ScramVerifier.create("right", new SecureRandom()).encode(), null);
    PlatformConfig config = withLimits(new LimitsConfig(null, null, 2, null)).withUsers(List.of(alice));
    try (TestGateway gateway = TestGateway.start(config)) {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> connect(gateway, "alice", "wrong")).isInstanceOf(SQLException.class);
      }
      long started = System.nanoTime();
      assertThatThrownBy(() -> connect(gateway, "alice", "wrong"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
      // The third failure within a minute waits at least the first step (250 ms) before it is answered.
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250);
      try (Connection connection = connect(gateway, "alice", "right")) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void aQueryBeyondDuckDbsMemoryLimitFailsWith53200AndTheSessionGoesOn() throws Exception {
    PlatformConfig config = PlatformConfig.defaults()
        .withDuckDb(DuckDbConfig.defaults().withMemoryLimit("64MB").withMaxTempDirectorySize("0B"));
    try (TestGateway gateway = TestGateway.start(config);
        Connection connection = connect(gateway, "alice", null);
        Statement statement = connection.createStatement()) {
      // A single group's string_agg cannot spill: it needs far more than 64 MB.
      String stringAgg = "SELECT length(string_agg(i::VARCHAR || repeat('x', 50), ',')) FROM range(5000000) t(i)";
      assertOutOfMemory(() -> statement.executeQuery(stringAgg), "DuckDB's memory_limit");
      // A hash aggregate whose table outgrows the limit, with spilling off.
      assertOutOfMemory(() -> statement.executeQuery(
          "SELECT i, count(*) FROM range(20000000) t(i) GROUP BY i ORDER BY 2 LIMIT 1"), "DuckDB's memory_limit");
      assertStillServing(gateway, connection);
      // The simple query protocol's path.
      Properties simple = new Properties();
      simple.setProperty("preferQueryMode", "simple");
      try (Connection simpleConnection = connect(gateway, "carol", null, simple);
          Statement simpleStatement = simpleConnection.createStatement()) {
        assertOutOfMemory(() -> simpleStatement.executeQuery(stringAgg), "DuckDB's memory_limit");
        assertStillServing(gateway, simpleConnection);
      }
      assertPsqlSeesOutOfMemory(gateway, stringAgg);
    }
  }

  @Test
  void aResultBeyondQueryMemoryFailsWith53200AndTheSessionGoesOn() throws Exception {
    PlatformConfig config = withLimits(LimitsConfig.defaults().withQueryMemory("1MiB", 64));
    try (TestGateway gateway = TestGateway.start(config);
        Connection connection = connect(gateway, "alice", null);
        Statement statement = connection.createStatement()) {
      // DuckDB's instance limit is derived: queryMemory x maxConcurrentQueries.
      try (ResultSet rows = statement.executeQuery("SELECT current_setting('memory_limit')")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo("64.0 MiB");
      }
      // One batch of 2,048 rows of 1 kB each needs 2 MB of Arrow memory in the gateway.
      assertOutOfMemory(() -> statement.executeQuery("SELECT repeat('x', 1000) || i FROM range(100000) t(i)"),
          "gateway.limits.queryMemory (1.0 MiB)");
      assertStillServing(gateway, connection);
    }
  }

  @Test
  void aSuspendedResultHeldBesideAnotherStatementCountsAgainstQueryMemory() throws Exception {
    PlatformConfig config = withLimits(LimitsConfig.defaults().withQueryMemory("1MiB", 0));
    try (TestGateway gateway = TestGateway.start(config);
        Connection connection = connect(gateway, "alice", null)) {
      connection.setAutoCommit(false);
      try (Statement first = connection.createStatement(); Statement second = connection.createStatement()) {
        first.setFetchSize(100);
        // Each batch is small (2,048 rows of ~100 bytes); the whole result (5 MB) is not.
        ResultSet open = first.executeQuery("SELECT repeat('x', 100) || i FROM range(50000) t(i)");
        assertThat(open.next()).isTrue();
        // Running another statement while the portal is suspended makes the gateway hold all of it.
        assertOutOfMemory(() -> second.executeQuery("SELECT count(*) FROM bronze.trades"), "gateway.limits.queryMemory");
      }
      connection.rollback();
      connection.setAutoCommit(true);
      assertStillServing(gateway, connection);
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

  private static void assertOutOfMemory(ThrowingCallable query, String why) {
    assertThatThrownBy(query).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("53200");
      assertThat(e.getMessage()).startsWith("ERROR: out of memory").contains(why);
    });
  }

  /** The failed session answers, another one does, and no result's Arrow memory is left behind. */
  private static void assertStillServing(TestGateway gateway, Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        Connection other = connect(gateway, "bob", null);
        Statement otherStatement = other.createStatement()) {
      assertThat(firstLong(statement, "SELECT 1")).isEqualTo(1);
      assertThat(firstLong(otherStatement, "SELECT count(*) FROM bronze.trades")).isEqualTo(10_000);
    }
    assertThat(gateway.server().arrowBytesAllocated()).isZero();
  }

  private static long firstLong(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
