package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.server.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A read replica's listeners hear the platform's channels too (pgjdbc's getNotifications): {@code
 * lake_commit} for a batch another process ingests (the replica sees the same lake) and {@code
 * mirror_sync} for a sync the writer ran, once the snapshot holding the synced rows reaches the
 * replica, so that a query run on receiving it sees them.
 */
class ReplicaNotificationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void aReplicasListenersHearLakeCommitsAndTheWritersMirrorSyncs() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String database = postgres.createDatabase("replica_notified");
    postgres.execute(database, "CREATE TABLE orders (order_id int4 PRIMARY KEY, symbol text)",
        "INSERT INTO orders SELECT i, 'SYM' || (i % 7) FROM generate_series(1, 40) i");
    assertThat(TradeBatches.cli(home, "init")).isZero();
    assertThat(TradeBatches.cli(home, "attach", "oltp", postgres.url(database))).isZero();
    PlatformHome platformHome = new PlatformHome(home);
    PlatformConfig config = PlatformConfig.fromFile(platformHome.configFile());
    config = config.withGateway(config.gateway().withReplication(new ReplicationConfig(100, 15, 60)).withListen("127.0.0.1", 0));

    GatewayServer writer = GatewayServer.forHome(platformHome, config);
    GatewayServer replica = null;
    try {
      writer.start();
      writer.sourceSync().syncNow();
      replica = GatewayServer.forReplica(platformHome, config);
      int replicaPort = replica.start().getPort();
      try (Connection listener = connect(replicaPort); Statement statement = listener.createStatement()) {
        statement.execute("LISTEN mirror_sync");
        statement.execute("LISTEN \"lake_commit:bronze.trades\"");

        postgres.execute(database, "INSERT INTO orders SELECT i, 'NEW' FROM generate_series(41, 45) i");
        writer.sourceSync().syncNow();
        JsonNode sync = await(listener, "mirror_sync", payload -> payload.get("rows").asLong() == 45);
        assertThat(sync.get("mirror").asText()).isEqualTo("oltp.orders");
        assertThat(count(listener, "SELECT count(*) FROM oltp.orders")).as("the synced rows, on the replica").isEqualTo(45);

        Path csv = TradeBatches.writeCsv(home, 1, 100, "2024-02");
        assertThat(TradeBatches.cli(home, "ingest", csv.toString(), "--table", "trades")).isZero();
        JsonNode commit = await(listener, "lake_commit:bronze.trades", payload -> true);
        assertThat(commit.get("rows").asLong()).isEqualTo(100);
        assertThat(count(listener, "SELECT count(*) FROM bronze.trades")).isEqualTo(100);
      }
    } finally {
      if (replica != null) {
        replica.shutdown(1_000);
      }
      writer.shutdown(1_000);
    }
  }

  /** The payload of the first notification on {@code channel} that {@code wanted} accepts (at most 60 s). */
  private static JsonNode await(Connection listener, String channel, Predicate<JsonNode> wanted) throws Exception {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      PGNotification[] more = listener.unwrap(PGConnection.class).getNotifications(1_000);
      for (PGNotification notification : more == null ? new PGNotification[0] : more) {
        seen.add(notification.getName() + " " + notification.getParameter());
        JsonNode payload = JSON.readTree(notification.getParameter());
        if (notification.getName().equals(channel) && wanted.test(payload)) {
          return payload;
        }
      }
    }
    throw new AssertionError("no notification on " + channel + " as wanted; received " + seen);
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect(int port) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", "reader");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties);
  }
}
