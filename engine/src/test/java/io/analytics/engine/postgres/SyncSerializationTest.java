package io.analytics.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The interleaving PostgresSourceWireTest's flake was first suspected of, forced: a sync (the
 * scheduled one) is held in the middle of its copy by a lock the test takes at the source, and an
 * on-demand sync of the same source is asked for meanwhile. The second waits for the first (it never
 * copies alongside it), then reads the source after the first committed: the mirror ends with every
 * committed row, and neither sync reports success over an older copy.
 */
class SyncSerializationTest {
  @Test
  void anOnDemandSyncWaitsForTheRunningOneAndReadsAfterIt() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String db = server.createDatabase("sync_serial");
    server.execute(db, "CREATE TABLE orders (order_id int4 PRIMARY KEY, symbol text)",
        "INSERT INTO orders SELECT i, 'S' FROM generate_series(1, 100) i");
    PostgresSourceConfig source = new PostgresSourceConfig("oltp", server.host(), server.port(), db,
        PostgresServer.USER, PostgresServer.PASSWORD, null, true, 0, null);
    try (DuckDbDatabase duck = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
        Connection holder = server.connect(db);
        Statement hold = holder.createStatement()) {
      SourceSynchronizer synchronizer = new SourceSynchronizer(duck, DuckDbConfig.defaults());
      holder.setAutoCommit(false);
      hold.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");

      CompletableFuture<SourceSyncResult> scheduled = CompletableFuture.supplyAsync(() -> synchronizer.sync(source, null, false));
      awaitCopyBlocked(server, db);
      CompletableFuture<SourceSyncResult> onDemand = new CompletableFuture<>();
      Thread onDemandThread = new Thread(() -> onDemand.complete(synchronizer.sync(source, null, false)), "on-demand-sync");
      onDemandThread.start();
      long deadline = System.currentTimeMillis() + 30_000;
      while (onDemandThread.getState() != Thread.State.BLOCKED && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      // Blocked on the source's sync lock, not copying alongside (a second COPY would wait in a socket read).
      assertThat(onDemandThread.getState()).as("the on-demand sync waits for the running one").isEqualTo(Thread.State.BLOCKED);

      hold.execute("INSERT INTO orders SELECT i, 'LATE' FROM generate_series(101, 150) i");
      holder.commit();

      SourceSyncResult first = scheduled.get(60, TimeUnit.SECONDS);
      SourceSyncResult second = onDemand.get(60, TimeUnit.SECONDS);
      assertThat(first.succeeded()).isTrue();
      assertThat(second.succeeded()).isTrue();
      assertThat(second.tables().get(0).rowsInMirror()).isGreaterThanOrEqualTo(first.tables().get(0).rowsInMirror());
      try (Connection connection = duck.connect();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM oltp.orders")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(150);
      }
    }
  }

  /** Until the sync's COPY waits for the test's lock at the source. */
  private static void awaitCopyBlocked(PostgresServer server, String db) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try (Connection connection = server.connect(db);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
              + " AND query LIKE 'COPY%'")) {
        rows.next();
        if (rows.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the sync's COPY never waited for the lock");
  }
}
