package io.analytics.gateway.postgres;

import static io.analytics.gateway.postgres.ChangeCaptureWireTest.awaitRows;
import static io.analytics.gateway.postgres.PostgresCliTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.postgres.SourceFreshness;
import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.postgres.TableSyncResult;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The network between the gateway and its source cut (connections reset by {@link CuttableProxy})
 * in the middle of a change capture stream and in the middle of a polling sync's COPY: afterwards
 * the mirrors equal the source by content, without duplicates, and {@code status} says the source
 * was interrupted.
 */
class NetworkCutTest {
  private static final String ACCOUNTS = "SELECT id, balance FROM %s ORDER BY id";
  private static final String MOVES = "SELECT id, account, amount FROM %s ORDER BY id";

  @Test
  void changeCaptureCutMidStreamResumesWithNothingLostOrAppliedTwice() throws Exception {
    try (PostgresServer server = PostgresServer.startLogical();
        CuttableProxy proxy = new CuttableProxy(server.host(), server.port())) {
      String db = server.createDatabase("cut_stream");
      server.execute(db, "CREATE TABLE accounts (id int4 PRIMARY KEY, balance int8)",
          "CREATE TABLE moves (id int8 PRIMARY KEY, account int4, amount int8)",
          "INSERT INTO accounts SELECT i, 1000 FROM generate_series(1, 50) i");
      PostgresSourceConfig oltp = new PostgresSourceConfig("oltp", "127.0.0.1", proxy.port(), db,
          PostgresServer.USER, PostgresServer.PASSWORD, null, true, 0, null);
      try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withSources(List.of(oltp)));
          Connection client = gateway.connect();
          Connection pg = server.connect(db)) {
        gateway.server().sourceSync().syncNow();
        awaitRows(client, "SELECT status FROM platform.source_cdc WHERE source = 'oltp'", "streaming");
        writeWhileCutting(pg, proxy, new Random(19));

        awaitEqual(client, pg, ACCOUNTS, "accounts");
        awaitEqual(client, pg, MOVES, "moves");
        assertThat(rows(client, "SELECT count(*) - count(DISTINCT id) FROM oltp.moves")).containsExactly("0");
        assertThat(String.join("\n", SourceFreshness.describe(client, "oltp")))
            .contains("change capture: streaming").containsPattern("interrupted [0-9]+ times?, last at .*change capture");
      }
    }
  }

  /**
   * Rounds of two-table transactions (a transfer and its move, some moves deleted, some rolled back)
   * straight into PostgreSQL, the proxy cut in the middle of each round while the stream carries them.
   */
  private static void writeWhileCutting(Connection pg, CuttableProxy proxy, Random random) throws SQLException {
    pg.setAutoCommit(false);
    long move = 0;
    try (Statement statement = pg.createStatement()) {
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 40; i++) {
          int from = 1 + random.nextInt(50);
          int to = 1 + random.nextInt(50);
          long amount = 1 + random.nextInt(100);
          statement.execute("UPDATE accounts SET balance = balance - " + amount + " WHERE id = " + from);
          statement.execute("UPDATE accounts SET balance = balance + " + amount + " WHERE id = " + to);
          statement.execute("INSERT INTO moves VALUES (" + (++move) + ", " + from + ", " + amount + ")");
          if (random.nextInt(5) == 0) {
            statement.execute("DELETE FROM moves WHERE id = " + (1 + random.nextInt((int) move)));
          }
          if (random.nextInt(8) == 0) {
            pg.rollback();
          } else {
            pg.commit();
          }
          if (i == 20) {
            proxy.cut();
          }
        }
      }
    }
    pg.setAutoCommit(true);
  }

  @Test
  void aSyncCutInTheMiddleOfItsCopyKeepsTheOldMirrorAndTheNextSyncCatchesUp() throws Exception {
    PostgresServer server = PostgresServer.shared();
    try (CuttableProxy proxy = new CuttableProxy(server.host(), server.port())) {
      String db = server.createDatabase("cut_sync");
      server.execute(db, "CREATE TABLE accounts (id int4 PRIMARY KEY, balance int8, note text)",
          "INSERT INTO accounts SELECT i, i * 10, repeat('n', 100) FROM generate_series(1, 100000) i",
          "CREATE TABLE moves (id int8 PRIMARY KEY, account int4, amount int8, updated_at timestamptz DEFAULT now())",
          "INSERT INTO moves SELECT i, i % 50, i FROM generate_series(1, 20000) i");
      PostgresSourceConfig oltp = new PostgresSourceConfig("oltp", "127.0.0.1", proxy.port(), db,
          PostgresServer.USER, PostgresServer.PASSWORD, null, true, 0, null)
          .withChangeCapture(false, PostgresSourceConfig.DEFAULT_MAX_LAG_BYTES);
      try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withSources(List.of(oltp)));
          Connection client = gateway.connect();
          Connection pg = server.connect(db)) {
        assertThat(gateway.server().sourceSync().syncNow().get(0).succeeded()).isTrue();
        List<String> accountsBefore = rows(client, ACCOUNTS.formatted("oltp.accounts"));
        List<String> movesBefore = rows(client, MOVES.formatted("oltp.moves"));

        server.execute(db, "DELETE FROM accounts WHERE id % 7 = 0", "UPDATE accounts SET balance = -balance WHERE id % 5 = 0",
            "INSERT INTO accounts SELECT i, i, 'new' FROM generate_series(100001, 100500) i",
            "UPDATE moves SET amount = amount + 1, updated_at = now() + interval '1 second' WHERE id % 3 = 0",
            "INSERT INTO moves SELECT i, i % 50, i FROM generate_series(20001, 21000) i");
        proxy.cutAfterBytes(2_000_000);
        SourceSyncResult cut = gateway.server().sourceSync().syncNow().get(0);
        assertThat(proxy.cuts()).as("the proxy cut the sync's connection").isEqualTo(1);
        assertThat(cut.tables()).extracting(TableSyncResult::error).as("a table's sync failed").anyMatch(e -> e != null);
        // Each mirror is the old one or the new one, never a part of either.
        assertThat(rows(client, ACCOUNTS.formatted("oltp.accounts")))
            .isIn(accountsBefore, rows(pg, ACCOUNTS.formatted("accounts")));
        assertThat(rows(client, MOVES.formatted("oltp.moves"))).isIn(movesBefore, rows(pg, MOVES.formatted("moves")));

        assertThat(gateway.server().sourceSync().syncNow().get(0).succeeded()).isTrue();
        assertThat(rows(client, ACCOUNTS.formatted("oltp.accounts"))).isEqualTo(rows(pg, ACCOUNTS.formatted("accounts")));
        assertThat(rows(client, MOVES.formatted("oltp.moves"))).isEqualTo(rows(pg, MOVES.formatted("moves")));
        assertThat(rows(client, "SELECT count(*) - count(DISTINCT id) FROM oltp.moves")).containsExactly("0");
        assertThat(rows(client, "SELECT count(*) - count(DISTINCT id) FROM oltp.accounts")).containsExactly("0");
        assertThat(String.join("\n", SourceFreshness.describe(client, "oltp")))
            .containsPattern("interrupted [0-9]+ times?, last at .*sync of public\\.");
      }
    }
  }

  /** Waits until the mirror holds what the source holds (change capture applies asynchronously), then compares. */
  private static void awaitEqual(Connection client, Connection pg, String query, String table) throws Exception {
    List<String> source = rows(pg, query.formatted(table));
    long deadline = System.currentTimeMillis() + 120_000;
    List<String> mirror = List.of();
    while (System.currentTimeMillis() < deadline) {
      mirror = rows(client, query.formatted("oltp." + table));
      if (mirror.equals(source)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(mirror).as("mirror of " + table).isEqualTo(source);
  }
}
