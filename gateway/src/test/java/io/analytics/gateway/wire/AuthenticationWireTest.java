package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.Md5Passwords;
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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Password logins with pgjdbc and psql for each configured method, and refusals that reveal nothing. */
class AuthenticationWireTest {
  private static final String PASSWORD = "s3cret-Pässword";

  private static PlatformConfig withUsers(String method) {
    SecureRandom random = new SecureRandom();
    UserConfig alice = new UserConfig("alice", "analyst", ScramVerifier.create(PASSWORD, random).encode(), null);
    UserConfig bob = new UserConfig("bob", "analyst", null, Md5Passwords.stored("bob", PASSWORD));
    GatewayConfig gateway = new GatewayConfig(null, null, null, null, null, null, method, null);
    return PlatformConfig.defaults().withGateway(gateway).withUsers(List.of(alice, bob));
  }

  private static Connection login(TestGateway gateway, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static long countTrades(Connection connection) throws SQLException {
    try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void scramLoginWithTheRightPasswordQueriesTheLake() throws Exception {
    try (TestGateway gateway = TestGateway.start(withUsers("scram-sha-256"));
        Connection connection = login(gateway, "alice", PASSWORD)) {
      assertThat(countTrades(connection)).isEqualTo(10_000);
    }
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameError() {
    try (TestGateway gateway = TestGateway.start(withUsers("scram-sha-256"))) {
      assertThatThrownBy(() -> login(gateway, "alice", "wrong"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("28P01");
            assertThat(e.getMessage()).contains("password authentication failed for user \"alice\"");
          });
      assertThatThrownBy(() -> login(gateway, "mallory", PASSWORD))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("28P01");
            assertThat(e.getMessage()).contains("password authentication failed for user \"mallory\"");
          });
    }
  }

  @Test
  void md5MethodLogsInMd5UsersAndFallsBackToScramForScramOnlyUsers() throws Exception {
    try (TestGateway gateway = TestGateway.start(withUsers("md5"))) {
      try (Connection connection = login(gateway, "bob", PASSWORD)) {
        assertThat(countTrades(connection)).isEqualTo(10_000);
      }
      try (Connection connection = login(gateway, "alice", PASSWORD)) {
        assertThat(countTrades(connection)).isEqualTo(10_000);
      }
      assertThatThrownBy(() -> login(gateway, "bob", "wrong"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }
  }

  @Test
  void cleartextMethodChecksAgainstEitherVerifier() throws Exception {
    try (TestGateway gateway = TestGateway.start(withUsers("password"))) {
      try (Connection scramUser = login(gateway, "alice", PASSWORD);
          Connection md5User = login(gateway, "bob", PASSWORD)) {
        assertThat(countTrades(scramUser)).isEqualTo(10_000);
        assertThat(countTrades(md5User)).isEqualTo(10_000);
      }
      assertThatThrownBy(() -> login(gateway, "alice", "wrong"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }
  }

  @Test
  void psqlLogsInWithScramFromPgpassword() throws Exception {
    Path psql = PsqlBinary.find();
    org.junit.jupiter.api.Assumptions.assumeTrue(psql != null, "psql is not on PATH");
    try (TestGateway gateway = TestGateway.start(withUsers("scram-sha-256"))) {
      assertThat(runPsql(psql, gateway, PASSWORD)).isEqualTo("10000\n");
      assertThat(runPsql(psql, gateway, "wrong")).contains("password authentication failed for user \"alice\"");
    }
  }

  private static String runPsql(Path psql, TestGateway gateway, String password) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        psql.toString(), "-X", "-A", "-t", "-w", "-h", "127.0.0.1", "-p", Integer.toString(gateway.port()),
        "-U", "alice", "-d", "lake", "-c", "SELECT count(*) FROM bronze.trades");
    builder.environment().put("PGPASSWORD", password);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
