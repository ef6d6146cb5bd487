package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.server.GatewayServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers querying through a gateway while batches spanning many partitions are ingested: every
 * count they see is a whole number of batches, never part of one, and no query fails.
 */
class AtomicVisibilityTest {
  private static final int BATCH_ROWS = 100_000;
  private static final int BATCHES = 4;

  @TempDir Path home;

  @Test
  void readersSeeWholeBatchesOnly() throws Exception {
    assertThat(cli("init")).isZero();
    assertThat(cli("ingest", writeCsv(0).toString(), "--table", "trades", "--partition-by", "date")).isZero();
    PlatformConfig config = PlatformConfig.defaults();
    GatewayServer gateway = GatewayServer.forHome(new PlatformHome(home), config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    try {
      InetSocketAddress address = gateway.start();
      Set<Long> seen = ConcurrentHashMap.newKeySet();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      Thread reader = new Thread(() -> {
        Properties properties = new Properties();
        properties.setProperty("user", "reader");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + address.getPort() + "/lake", properties)) {
          while (!done.get()) {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
              rows.next();
              seen.add(rows.getLong(1));
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      reader.start();
      for (int batch = 1; batch <= BATCHES; batch++) {
        assertThat(cli("ingest", writeCsv(batch).toString(), "--table", "trades", "--partition-by", "date")).isZero();
      }
      Thread.sleep(300);
      done.set(true);
      reader.join(30_000);
      assertThat(failures).isEmpty();
      assertThat(seen).allSatisfy(count -> assertThat(count % BATCH_ROWS).as("count %d", count).isZero());
      assertThat(seen).contains((long) BATCH_ROWS * (BATCHES + 1));
    } finally {
      gateway.shutdown(1_000);
    }
  }

  private Path writeCsv(int batch) throws Exception {
    return TradeBatches.writeCsv(home, batch, BATCH_ROWS, "2024-02");
  }

  private int cli(String... args) {
    return TradeBatches.cli(home, args);
  }
}
