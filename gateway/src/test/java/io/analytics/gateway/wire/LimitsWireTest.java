package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.LimitsConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.TestGateway;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Per-user connection limits, the idle-in-transaction timeout and slowed-down failed logins. */
class LimitsWireTest {
  private static Connection connect(TestGateway gateway, String user, String password) throws SQLException {
    Properties properties = new Properties();
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
}
