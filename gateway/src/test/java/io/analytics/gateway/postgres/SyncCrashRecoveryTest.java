package io.analytics.gateway.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.bench.GatewayProcess;
import io.analytics.gateway.cli.AnalyticsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a gateway while it syncs a PostgreSQL source (at seeded random moments, so a failure
 * replays), then the warehouse is opened again: it opens, each mirror holds exactly the old or the
 * new copy of its table, its freshness row agrees with it, and the next sync brings it up to date.
 */
class SyncCrashRecoveryTest {
  private static final long FIRST_ROWS = 1_500_000;
  private static final int ROWS_PER_CHANGE = 1_000;
  private static final int KILLS = 3;

  @TempDir Path home;

  @Test
  void killedSyncsLeaveEveryMirrorWholeAfterRestart() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String db = server.createDatabase("sync_crash");
    server.execute(db, "CREATE TABLE ticks (id bigint PRIMARY KEY, payload text NOT NULL)",
        "INSERT INTO ticks SELECT i, md5(i::text) FROM generate_series(1, " + FIRST_ROWS + ") i");
    assertThat(cli("init")).isZero();
    assertThat(cli("attach", "oltp", server.url(db), "--sync-interval", "0")).isZero();
    assertThat(cli("sync")).isZero();
    long committed = mirrorRows();
    assertThat(committed).isEqualTo(FIRST_ROWS);

    Random random = new Random(20261125);
    long sourceRows = FIRST_ROWS;
    for (int kill = 1; kill <= KILLS; kill++) {
      server.execute(db, "INSERT INTO ticks SELECT i, md5(i::text) FROM generate_series(" + (sourceRows + 1) + ", "
          + (sourceRows + ROWS_PER_CHANGE) + ") i");
      sourceRows += ROWS_PER_CHANGE;
      // A serving gateway syncs every source as it starts; kill it somewhere in that sync.
      GatewayProcess gateway = GatewayProcess.start(home, "512m", home.resolve("gateway-" + kill + ".log"));
      Thread.sleep(random.nextInt(2_500));
      gateway.kill();

      long mirror = mirrorRows();
      assertThat(mirror).as("after kill %d the mirror is the old copy or the new one", kill).isIn(committed, sourceRows);
      System.out.printf("kill %d: mirror %s%n", kill, mirror == committed ? "kept the old copy" : "took the new copy");
      committed = mirror;
    }
    assertThat(cli("sync")).as("the next sync completes").isZero();
    assertThat(mirrorRows()).isEqualTo(sourceRows);
  }

  /**
   * Opens the warehouse as a restarted gateway would (replaying DuckDB's WAL), and returns the
   * mirror's rows after checking that they are whole and that the freshness row agrees.
   */
  private long mirrorRows() throws Exception {
    try (DuckDbDatabase warehouse = DuckDbDatabase.openWarehouseReadOnly(new PlatformHome(home), DuckDbConfig.defaults());
        Connection connection = warehouse.connect();
        Statement statement = connection.createStatement()) {
      long rows;
      try (ResultSet mirror = statement.executeQuery("SELECT count(*), count(DISTINCT id), max(id), "
          + "bool_and(payload = md5(id::VARCHAR)) FROM oltp.ticks")) {
        mirror.next();
        rows = mirror.getLong(1);
        assertThat(mirror.getLong(2)).as("no row twice").isEqualTo(rows);
        assertThat(mirror.getLong(3)).as("ids 1..n, none missing").isEqualTo(rows);
        assertThat(mirror.getBoolean(4)).as("every row intact").isTrue();
      }
      try (ResultSet state = statement.executeQuery("SELECT rows FROM platform.source_tables WHERE source = 'oltp' AND mirror = 'ticks'")) {
        assertThat(state.next()).isTrue();
        assertThat(state.getLong(1)).as("the freshness row was written with the mirror").isEqualTo(rows);
      }
      return rows;
    }
  }

  private int cli(String... args) {
    String[] withHome = new String[args.length + 2];
    withHome[0] = "--home";
    withHome[1] = home.toString();
    System.arraycopy(args, 0, withHome, 2, args.length);
    StringWriter errors = new StringWriter();
    int code = AnalyticsCli.run(new PrintWriter(new StringWriter()), new PrintWriter(errors), withHome);
    if (code != 0) {
      System.out.println("analytics " + String.join(" ", args) + " failed: " + errors);
    }
    return code;
  }
}
