package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pg_stat_activity lists the gateway's live sessions; pg_cancel_backend stops a session's query; EXPLAIN reads like psql's. */
class ActivityWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static Connection connect(String application) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", application);
    return gateway.connect(properties);
  }

  @Test
  void pgStatActivityShowsRunningAndIdleSessions() throws Exception {
    try (Connection busy = connect("busy-app"); Connection idle = connect("idle-app"); Connection observer = connect("observer")) {
      int busyPid;
      try (ResultSet rows = busy.createStatement().executeQuery("SELECT pg_backend_pid()")) {
        rows.next();
        busyPid = rows.getInt(1);
      }
      idle.setAutoCommit(false);
      idle.createStatement().execute("SELECT 1");
      CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
        try (Statement statement = busy.createStatement()) {
          statement.executeQuery("SELECT count(*) FROM range(3000000000) t(i) WHERE i % 3 = 7").close();
        } catch (SQLException e) {
          assertThat(e.getSQLState()).isEqualTo("57014");
        }
      });
      List<String> states = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!states.contains("active") && System.nanoTime() < deadline) {
        states.clear();
        try (PreparedStatement statement = observer.prepareStatement(
                "SELECT pid, application_name, state, query FROM pg_catalog.pg_stat_activity WHERE application_name <> ? ORDER BY pid");
            ) {
          statement.setString(1, "observer");
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              // The session is active from the moment its Parse arrives; the query text follows when it runs.
              if (rows.getString("application_name").equals("busy-app") && rows.getString("state").equals("active")
                  && rows.getString("query").contains("range(3000000000)")) {
                assertThat(rows.getInt("pid")).isEqualTo(busyPid);
                states.add("active");
              }
              if (rows.getString("application_name").equals("idle-app")) {
                assertThat(rows.getString("state")).isEqualTo("idle in transaction");
              }
            }
          }
        }
        Thread.sleep(50);
      }
      assertThat(states).contains("active");

      try (ResultSet rows = observer.createStatement().executeQuery("SELECT pg_cancel_backend(" + busyPid + ")")) {
        rows.next();
        assertThat(rows.getBoolean(1)).isTrue();
      }
      running.get(20, TimeUnit.SECONDS);
      try (ResultSet rows = observer.createStatement().executeQuery("SELECT pg_cancel_backend(999999)")) {
        rows.next();
        assertThat(rows.getBoolean(1)).isFalse();
      }
    }
  }

  @Test
  void explainReturnsOneQueryPlanColumn() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      for (String sql : new String[] {"EXPLAIN SELECT symbol, count(*) FROM bronze.trades GROUP BY symbol",
          "EXPLAIN ANALYZE SELECT symbol, count(*) FROM bronze.trades GROUP BY symbol"}) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          assertThat(rows.getMetaData().getColumnCount()).isEqualTo(1);
          assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("QUERY PLAN");
          StringBuilder plan = new StringBuilder();
          int lines = 0;
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
            lines++;
          }
          assertThat(lines).isGreaterThan(3);
          assertThat(plan.toString()).containsIgnoringCase("group by").contains("symbol");
        }
      }
      assertThatThrownBy(() -> statement.executeQuery("EXPLAIN SELECT * FROM no_such_table"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    }
  }
}
