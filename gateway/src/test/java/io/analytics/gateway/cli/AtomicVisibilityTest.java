package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.server.GatewayServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
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
    Path file = home.resolve("trades-" + batch + ".csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("trade_id,symbol,price,quantity,date\n");
      for (int i = 0; i < BATCH_ROWS; i++) {
        long id = (long) batch * BATCH_ROWS + i;
        out.write(id + ",SYM" + (i % 50) + "," + (100 + i % 997) / 10.0 + "," + (1 + i % 100) + ",2024-02-" + String.format("%02d", 1 + i % 28) + "\n");
      }
    }
    return file;
  }

  private int cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return AnalyticsCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), all);
  }
}
