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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A shared server's safety nets, with small configured values standing in for the defaults (15
 * minutes, 3 of 500 slots): a runaway recursive CTE of an analyst is stopped by the default
 * statement_timeout (admins get none), and an admin connects while other roles hold every other slot
 * (also at full size, with 500 analyst sessions).
 */
class SafeDefaultsWireTest {
  private static final String PASSWORD = "pw";

  @Test
  void runawayQueriesStopByDefaultAndAdminsKeepTheirSlots() throws Exception {
    SecureRandom random = new SecureRandom();
    List<UserConfig> users = List.of(
        new UserConfig("analyst", "analyst", ScramVerifier.create(PASSWORD, random).encode(), null),
        new UserConfig("admin", "admin", ScramVerifier.create(PASSWORD, random).encode(), null));
    LimitsConfig limits = LimitsConfig.defaults().withReservedAdminConnections(2, 1_500);
    GatewayConfig gateway = new GatewayConfig(null, null, null, null, null, 6, null, null).withLimits(limits);
    try (TestGateway server = TestGateway.start(PlatformConfig.defaults().withGateway(gateway).withUsers(users))) {
      List<Connection> analysts = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          analysts.add(login(server, "analyst"));
        }
        assertThatThrownBy(() -> login(server, "analyst").close())
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("53300");
              assertThat(e.getMessage()).contains("reserved for roles with the admin role");
            });
        try (Connection admin = login(server, "admin"); Statement statement = admin.createStatement();
            ResultSet rows = statement.executeQuery("SHOW statement_timeout")) {
          rows.next();
          assertThat(rows.getString(1)).as("admins get no default timeout").isEqualTo("0");
        }
        Statement statement = analysts.get(0).createStatement();
        assertThatThrownBy(() -> statement.executeQuery(
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
        statement.execute("SET statement_timeout = 0");
        try (ResultSet rows = statement.executeQuery("SELECT 1")) {
          assertThat(rows.next()).as("the session lives on").isTrue();
        }
      } finally {
        closeAll(analysts);
      }
    }
  }

  /**
   * Issue 17's exhaustion at full size: 500 analyst sessions (each logged in with SCRAM and holding
   * its DuckDB connection) fill every slot but the admins' three; the next analyst is refused with
   * 53300 as PostgreSQL refuses past superuser_reserved_connections, and admins still get in, one
   * after another, and see the 500 sessions.
   */
  @Test
  void anAdminConnectsWhileFiveHundredAnalystSessionsHoldEveryOtherSlot() throws Exception {
    int analystCount = 500;
    int reserved = 3;
    SecureRandom random = new SecureRandom();
    List<UserConfig> users = List.of(
        new UserConfig("analyst", "analyst", ScramVerifier.create(PASSWORD, random).encode(), null),
        new UserConfig("admin", "admin", ScramVerifier.create(PASSWORD, random).encode(), null));
    LimitsConfig limits = LimitsConfig.defaults().withReservedAdminConnections(reserved, 0);
    GatewayConfig gateway = new GatewayConfig(null, null, null, null, null, analystCount + reserved, null, null).withLimits(limits);
    try (TestGateway server = TestGateway.start(PlatformConfig.defaults().withGateway(gateway).withUsers(users))) {
      List<Connection> analysts = new ArrayList<>();
      ExecutorService logins = Executors.newFixedThreadPool(8);
      try {
        List<Future<Connection>> opening = new ArrayList<>();
        for (int i = 0; i < analystCount; i++) {
          opening.add(logins.submit(() -> login(server, "analyst")));
        }
        for (Future<Connection> connection : opening) {
          analysts.add(connection.get());
        }
        assertThat(server.server().activeSessions()).isEqualTo(analystCount);
        assertThatThrownBy(() -> login(server, "analyst").close())
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53300"));
        for (int i = 0; i < 2; i++) {
          try (Connection admin = login(server, "admin"); Statement statement = admin.createStatement();
              ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'analyst'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(analystCount);
          }
        }
        try (Statement statement = analysts.get(analystCount - 1).createStatement();
            ResultSet rows = statement.executeQuery("SELECT 41 + 1")) {
          rows.next();
          assertThat(rows.getInt(1)).as("the analysts' sessions still work").isEqualTo(42);
        }
      } finally {
        logins.shutdownNow();
        closeAll(analysts);
      }
    }
  }

  private static void closeAll(List<Connection> connections) throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
  }

  private static Connection login(TestGateway server, String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
