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
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of an ingest at random moments (seeded, so a failure replays), then a gateway started on
 * the home: the lake holds every committed batch exactly once and no part of the killed one, and
 * every Parquet file in it is readable (no file without its footer is visible).
 */
class CrashRecoveryTest {
  private static final int BATCH_ROWS = 200_000;
  private static final int KILLS = 4;

  @TempDir Path home;

  @Test
  void killedIngestsLeaveTheLakeWholeAfterRestart() throws Exception {
    assertThat(cli("init")).isZero();
    Path first = writeCsv(0);
    assertThat(cli("ingest", first.toString(), "--table", "trades", "--partition-by", "date")).isZero();
    long committed = countThroughGateway();
    assertThat(committed).isEqualTo(BATCH_ROWS);

    Random random = new Random(20261125);
    for (int kill = 1; kill <= KILLS; kill++) {
      Path batch = writeCsv(kill);
      Process ingest = startIngest(batch);
      Thread.sleep(300 + random.nextInt(2_500));
      ingest.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();

      long count = countThroughGateway();
      assertThat(count).as("after kill %d", kill).isIn(committed, committed + BATCH_ROWS);
      committed = count;
    }
    // A batch killed before its commit can be ingested again; one that committed is skipped.
    assertThat(cli("ingest", writeCsv(KILLS).toString(), "--table", "trades", "--partition-by", "date")).isZero();
    assertThat(countThroughGateway()).isIn(committed, committed + BATCH_ROWS);
  }

  private Path writeCsv(int batch) throws Exception {
    return TradeBatches.writeCsv(home, batch, BATCH_ROWS, "2024-01");
  }

  private Process startIngest(Path csv) throws Exception {
    return TradeBatches.cliProcess(home, "ingest", csv.toString(), "--table", "trades", "--partition-by", "date")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Starts a gateway on the home (which completes interrupted commits), counts bronze.trades, stops it. */
  private long countThroughGateway() throws Exception {
    PlatformHome platformHome = new PlatformHome(home);
    PlatformConfig config = PlatformConfig.defaults();
    GatewayServer server = GatewayServer.forHome(platformHome, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    try {
      InetSocketAddress address = server.start();
      Properties properties = new Properties();
      properties.setProperty("user", "checker");
      try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + address.getPort() + "/lake", properties);
          ResultSet rows = connection.createStatement().executeQuery("SELECT count(*), count(DISTINCT trade_id) FROM bronze.trades")) {
        rows.next();
        assertThat(rows.getLong(2)).as("no row twice").isEqualTo(rows.getLong(1));
        return rows.getLong(1);
      }
    } finally {
      server.shutdown(1_000);
    }
  }

  private int cli(String... args) {
    return TradeBatches.cli(home, args);
  }
}
