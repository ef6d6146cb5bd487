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
import org.junit.jupiter.api.Test;

/**
 * A shared server's safety nets, with small configured values standing in for the defaults (15
 * minutes, 3 of 500 slots): a runaway recursive CTE of an analyst is stopped by the default
 * statement_timeout (admins get none), and an admin connects while other roles hold every other slot.
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
        for (Connection connection : analysts) {
          connection.close();
        }
      }
    }
  }

  private static Connection login(TestGateway server, String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
