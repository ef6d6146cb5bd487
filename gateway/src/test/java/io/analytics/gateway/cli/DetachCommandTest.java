package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.server.GatewayServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analytics detach} drops the source's replication slot, and a running gateway does not make it again. */
class DetachCommandTest {
  @TempDir Path home;

  @Test
  void detachDropsTheSlotEvenWhileAGatewayStreamsFromIt() throws Exception {
    try (PostgresServer postgres = PostgresServer.startLogical()) {
      String db = postgres.createDatabase("detach_me");
      postgres.execute(db, "CREATE TABLE orders (id int4 PRIMARY KEY)", "INSERT INTO orders VALUES (1)");
      assertThat(TradeBatches.cli(home, "init")).isZero();
      assertThat(TradeBatches.cli(home, "attach", "oltp", postgres.url(db), "--sync-interval", "0")).isZero();
      PlatformHome platformHome = new PlatformHome(home);
      PlatformConfig config = PlatformConfig.load(platformHome.configFile(), Map.of());
      GatewayServer server = GatewayServer.forHome(platformHome, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
      try {
        server.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (slots(postgres, db) == 0 && System.currentTimeMillis() < deadline) {
          Thread.sleep(100);
        }
        assertThat(slots(postgres, db)).as("the gateway made its slot").isEqualTo(1);

        assertThat(TradeBatches.cli(home, "detach", "oltp")).isZero();

        assertThat(slots(postgres, db)).isZero();
        assertThat(PlatformConfig.load(platformHome.configFile(), Map.of()).sources()).isEmpty();
        Thread.sleep(3_000); // the gateway's stream broke and it tried again in the meantime
        assertThat(slots(postgres, db)).as("a detached source's slot is not made again").isZero();
        assertThat(TradeBatches.cli(home, "detach", "oltp")).as("no such source any more").isNotZero();
      } finally {
        server.shutdown(1_000);
      }
    }
  }

  private static long slots(PostgresServer postgres, String db) throws Exception {
    try (Connection connection = postgres.connect(db);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'analytics_oltp'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
