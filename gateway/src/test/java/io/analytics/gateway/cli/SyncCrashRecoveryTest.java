package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.server.GatewayServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a serving gateway (a real {@code analytics serve} process) at seeded random moments of
 * its PostgreSQL sync, the source table changed before each: a gateway started on the home afterwards
 * opens the warehouse, serves the mirror exactly as one of the two PostgreSQL states left it (count and
 * sum of ids), with a sync state row that agrees and no staging table in sight, and a sync after the
 * last kill brings the mirror up to date.
 */
class SyncCrashRecoveryTest {
  private static final int FIRST_ROWS = 400_000;
  private static final int ADDED_ROWS = 40_000;
  private static final int KILLS = 3;

  @TempDir Path home;

  /** What a table holds, in two numbers that differ between every pair of states this test makes. */
  record TableState(long rows, long sumOfIds) {}

  @Test
  void gatewayKilledDuringSyncsRestartsWithTheOldOrTheNewMirror() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String db = postgres.createDatabase("sync_crash");
    postgres.execute(db, "CREATE TABLE fills (id int8, account text, qty numeric(18,4))",
        "INSERT INTO fills SELECT i, 'acct' || (i % 97), i % 1000 FROM generate_series(1, " + FIRST_ROWS + ") i");
    assertThat(TradeBatches.cli(home, "init")).isZero();
    assertThat(TradeBatches.cli(home, "attach", "oltp", postgres.url(db))).isZero();

    // The first sync runs to its end; how long it takes spreads the kills over a whole sync: kill k
    // falls at a random moment of the k-th slice of four times that (a freshly started process syncs
    // two to three times more slowly than this warm JVM), so early kills hit the load and later ones
    // its commit or the time after it.
    Checked first = restartAndCheck(true);
    assertThat(first.mirror()).isEqualTo(postgresState(postgres, db));
    int sliceMillis = (int) Math.max(1, first.syncMillis() * 4 / KILLS);

    TableState committed = first.mirror();
    Random random = new Random(20261125);
    long lastId = FIRST_ROWS;
    for (int kill = 1; kill <= KILLS; kill++) {
      postgres.execute(db,
          "INSERT INTO fills SELECT i, 'acct' || (i % 97), i % 1000 FROM generate_series(" + (lastId + 1) + ", "
              + (lastId + ADDED_ROWS) + ") i",
          "DELETE FROM fills WHERE id % 10 = " + kill);
      lastId += ADDED_ROWS;
      TableState changed = postgresState(postgres, db);
      int delay = (kill - 1) * sliceMillis + random.nextInt(sliceMillis);
      try (ServeProcess serve = ServeProcess.start(home)) {
        serve.await("listening on"); // its sync starts right after this line
        Thread.sleep(delay);
        serve.kill();
      }
      // The dead gateway's endpoint file and the warehouse's WAL are still there: commands cope.
      assertThat(TradeBatches.cli(home, "status")).as("status after kill %d", kill).isZero();
      TableState mirrored = restartAndCheck(false).mirror();
      assertThat(mirrored).as("mirror after kill %d, %d ms into the sync", kill, delay).isIn(committed, changed);
      System.out.printf("kill %d, %d ms into a sync of ~%d ms: the mirror is the %s one%n", kill, delay,
          first.syncMillis(), mirrored.equals(changed) ? "new" : "old");
      committed = mirrored;
    }
    assertThat(restartAndCheck(true).mirror()).as("after a sync that completes").isEqualTo(postgresState(postgres, db));
  }

  private static TableState postgresState(PostgresServer postgres, String db) throws SQLException {
    try (Connection connection = postgres.connect(db)) {
      return state(connection, "SELECT count(*), coalesce(sum(id), 0)::int8 FROM fills");
    }
  }

  /** What a gateway started on the home served, and how long the sync it ran first took (0 without one). */
  record Checked(TableState mirror, long syncMillis) {}

  /**
   * Starts a gateway on the home (which must open the warehouse whatever the kill left) and reads the
   * mirror and its state row. Without {@code syncFirst} the gateway is given no sources, so nothing
   * syncs while it looks; with it, one complete sync runs first.
   */
  private Checked restartAndCheck(boolean syncFirst) throws Exception {
    PlatformHome platformHome = new PlatformHome(home);
    PlatformConfig config = PlatformConfig.load(platformHome.configFile(), Map.of());
    config = (syncFirst ? config : config.withSources(List.of())).withGateway(config.gateway().withListen("127.0.0.1", 0));
    GatewayServer server = GatewayServer.forHome(platformHome, config);
    try {
      long syncMillis = 0;
      if (syncFirst) {
        for (SourceSyncResult result : server.sourceSync().syncNow()) {
          assertThat(result.succeeded()).as("%s", String.join("; ", result.summaryLines())).isTrue();
          syncMillis += result.tables().stream().mapToLong(table -> table.duration().toMillis()).sum();
        }
      }
      int port = server.start().getPort();
      Properties properties = new Properties();
      properties.setProperty("user", "checker");
      try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties)) {
        TableState mirror = state(connection, "SELECT count(*), coalesce(sum(id), 0)::BIGINT FROM oltp.fills");
        TableState recorded = state(connection, "SELECT rows, rows FROM platform.source_tables"
            + " WHERE source = 'oltp' AND mirror = 'fills' AND synced_at IS NOT NULL");
        assertThat(recorded.rows()).as("the sync state row counts the mirror's rows").isEqualTo(mirror.rows());
        assertThat(strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'oltp'"))
            .as("no staging table left visible").containsExactly("fills");
        return new Checked(mirror, syncMillis);
      }
    } finally {
      server.shutdown(1_000);
    }
  }

  private static TableState state(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return new TableState(rows.getLong(1), rows.getLong(2));
    }
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
