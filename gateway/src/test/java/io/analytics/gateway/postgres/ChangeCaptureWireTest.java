package io.analytics.gateway.postgres;

import static io.analytics.gateway.postgres.PostgresCliTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.postgres.SourceFreshness;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A source with logical replication, through the gateway with pgjdbc: its tables answer to both
 * {@code oltp.orders} and {@code oltp.public.orders}, a change committed at the source is seen by
 * a query within seconds without any sync and is announced on {@code mirror_sync} (pgjdbc's
 * getNotifications), {@code status} and {@code /metrics} report the stream and its lag, and a table
 * without a primary key is still polled.
 */
class ChangeCaptureWireTest {
  @Test
  void committedSourceChangesBecomeVisibleThroughTheGatewayWithoutASync() throws Exception {
    try (PostgresServer server = PostgresServer.startLogical()) {
      String db = server.createDatabase("live_cdc");
      server.execute(db, "CREATE TABLE orders (order_id int4 PRIMARY KEY, symbol text)",
          "INSERT INTO orders SELECT i, 'SYM' || (i % 20) FROM generate_series(1, 100) i",
          "CREATE TABLE notes (body text)", "INSERT INTO notes VALUES ('first')");
      PostgresSourceConfig oltp = new PostgresSourceConfig("oltp", server.host(), server.port(), db,
          PostgresServer.USER, PostgresServer.PASSWORD, null, true, 0, null);

      int metricsPort;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        metricsPort = socket.getLocalPort();
      }
      PlatformConfig config = PlatformConfig.defaults().withSources(List.of(oltp)).withGateway(
          GatewayConfig.defaults().withObservability(new ObservabilityConfig(metricsPort, null, null)));
      try (TestGateway gateway = TestGateway.start(config);
          Connection client = gateway.connect(); Connection listener = gateway.connect()) {
        assertThat(gateway.server().sourceSync().syncNow().get(0).succeeded()).isTrue();
        awaitRows(client, "SELECT status FROM platform.source_cdc WHERE source = 'oltp'", "streaming");
        assertThat(rows(client, "SELECT count(*) FROM oltp.orders")).containsExactly("100");
        assertThat(rows(client, "SELECT count(*) FROM oltp.public.orders")).containsExactly("100");

        listener.createStatement().execute("LISTEN \"mirror_sync:oltp.orders\"");
        server.execute(db, "INSERT INTO orders VALUES (101, 'NEW')", "UPDATE orders SET symbol = 'CHANGED' WHERE order_id = 1",
            "DELETE FROM orders WHERE order_id = 2");
        awaitRows(client, "SELECT count(*), count(*) FILTER (WHERE symbol = 'CHANGED'), count(*) FILTER (WHERE order_id = 2)"
            + " FROM oltp.public.orders", "100 1 0");
        // Each source transaction streamed is announced on mirror_sync once committed, as a sync is.
        server.execute(db, "BEGIN", "INSERT INTO orders VALUES (102, 'A'), (103, 'B')", "DELETE FROM orders WHERE order_id = 3",
            "COMMIT");
        List<JsonNode> announced = mirrorSyncs(listener, 4);
        assertThat(announced).extracting(n -> n.get("method").asText()).containsOnly("cdc");
        assertThat(announced).extracting(n -> n.get("mirror").asText()).containsOnly("oltp.orders");
        assertThat(announced).extracting(n -> n.get("rows_read").asLong()).containsExactly(1L, 1L, 1L, 3L);
        assertThat(announced.get(3).get("rows").asLong()).isEqualTo(101);
        assertThat(String.join("\n", SourceFreshness.describe(client, "oltp")))
            .contains("change capture: streaming from slot analytics_oltp")
            .contains("oltp.orders <- public.orders: streamed by change capture")
            .contains("oltp.notes <- public.notes: 1 rows, full sync");

        String metrics = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("source_cdc_lag_bytes\\{source=\"oltp\"\\} [0-9.E]+")
            .containsPattern("source_cdc_lag_seconds\\{source=\"oltp\"\\} [0-9.E]+");

        server.execute(db, "INSERT INTO notes VALUES ('second')");
        assertThat(rows(client, "SELECT count(*) FROM oltp.public.notes")).as("polled, not streamed").containsExactly("1");
        assertThat(gateway.server().sourceSync().syncNow().get(0).summaryLines())
            .contains("  oltp.orders: streamed by change capture (not copied; see analytics status for its lag)");
        assertThat(rows(client, "SELECT count(*) FROM oltp.notes")).containsExactly("2");
      }
    }
  }

  /** The payloads of the mirror_sync notifications pgjdbc has received, waiting until there are {@code count} (at most 60 s). */
  private static List<JsonNode> mirrorSyncs(Connection listener, int count) throws Exception {
    List<JsonNode> payloads = new java.util.ArrayList<>();
    for (int i = 0; i < 60 && payloads.size() < count; i++) {
      PGNotification[] more = listener.unwrap(PGConnection.class).getNotifications(1_000);
      for (PGNotification notification : more == null ? new PGNotification[0] : more) {
        payloads.add(new ObjectMapper().readTree(notification.getParameter()));
      }
    }
    return payloads;
  }

  /** Polls a query until it returns {@code expected} (a generous bound: no timing is asserted). */
  static void awaitRows(Connection client, String sql, String expected) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    List<String> actual = List.of();
    while (System.currentTimeMillis() < deadline) {
      try {
        actual = rows(client, sql);
      } catch (SQLException e) {
        actual = List.of(e.getMessage());
      }
      if (actual.equals(List.of(expected))) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(actual).as(sql).containsExactly(expected);
  }
}
