package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.LimitsConfig;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.testing.TestGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /metrics and /health over HTTP, and admission control refusing statements that wait too long. */
class MetricsWireTest {
  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsCountStatementsErrorsRowsAndConnections() throws Exception {
    int port = freePort();
    GatewayConfig gateway = GatewayConfig.defaults().withObservability(new ObservabilityConfig(port, null, null));
    try (TestGateway server = TestGateway.start(PlatformConfig.defaults().withGateway(gateway))) {
      assertThat(server.server().metricsPort()).isEqualTo(port);
      try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT * FROM bronze.trades LIMIT 25").close();
        assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);
        String metrics = get(port, "/metrics").body();
        assertThat(metrics)
            .contains("gateway_statements_seconds_count{kind=\"select\",outcome=\"ok\"}")
            .contains("gateway_errors_total{sqlstate=\"42P01\"} 1.0")
            .contains("gateway_connections{user=\"tester\"} 1.0")
            .contains("gateway_rows_sent_total")
            .contains("gateway_bytes_sent_bytes_total")
            .contains("duckdb_memory")
            .containsPattern("jvm_memory_used_bytes\\{area=\"heap\"")
            .contains("gateway_statements_seconds_bucket");
        assertThat(rowsSent(metrics)).isGreaterThanOrEqualTo(25);
      }
      HttpResponse<String> health = get(port, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ready\n");
    }
  }

  private static double rowsSent(String metrics) {
    return metrics.lines().filter(line -> line.startsWith("gateway_rows_sent_total")).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void statementsBeyondTheConcurrencyLimitWaitThenGiveUpWith53300() throws Exception {
    LimitsConfig limits = new LimitsConfig(null, null, null, null, 1, 300L);
    try (TestGateway server = TestGateway.start(PlatformConfig.defaults().withGateway(GatewayConfig.defaults().withLimits(limits)));
        Connection busy = server.connect();
        Statement heavyStatement = busy.createStatement();
        Connection waiting = server.connect()) {
      CompletableFuture<String> heavy = CompletableFuture.supplyAsync(() -> {
        try {
          heavyStatement.executeQuery("SELECT count(*) FROM range(2000000000) t(i) WHERE i % 7 = 3").close();
          return "finished";
        } catch (SQLException e) {
          return e.getSQLState();
        }
      });
      Thread.sleep(300);
      // A statement that reads no relation skips the queue: pings answer while heavy work waits.
      try (java.sql.ResultSet rows = waiting.createStatement().executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
      assertThatThrownBy(() -> waiting.createStatement().executeQuery("SELECT count(*) FROM bronze.trades"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("53300");
            assertThat(e.getMessage()).contains("too many concurrent queries");
          });
      heavyStatement.cancel();
      assertThat(heavy.get(30, TimeUnit.SECONDS)).isEqualTo("57014");
      // Once the heavy statement is gone, the other session runs again.
      try (java.sql.ResultSet rows = waiting.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }
}
