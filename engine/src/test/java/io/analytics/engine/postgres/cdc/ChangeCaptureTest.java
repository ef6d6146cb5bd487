package io.analytics.engine.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change capture against a real PostgreSQL with {@code wal_level=logical}: mixed inserts, updates
 * (keys included), deletes, truncates, a transaction over two tables and a rolled back one end with
 * mirrors equal to the source, compared row by row; a crash between DuckDB's commit and the
 * confirmation to the source applies nothing twice; a table that changes shape is copied again; a
 * source restart is followed through.
 */
class ChangeCaptureTest {
  private static final String ORDERS = "SELECT order_id, symbol, qty, note, ts FROM %s ORDER BY order_id";
  private static final String FILLS = "SELECT fill_id, order_id, price, raw FROM %s ORDER BY fill_id";

  private static PostgresServer server;
  private String db;
  private DuckDbDatabase duck;
  private PostgresSourceConfig source;
  private final List<Thread> threads = new ArrayList<>();
  private final List<SourceChangeCapture> captures = new ArrayList<>();

  @BeforeAll
  static void startPostgres() {
    server = PostgresServer.startLogical();
  }

  @AfterAll
  static void stopPostgres() {
    server.close();
  }

  @BeforeEach
  void createSource() {
    db = server.createDatabase("cdc_source");
    server.execute(db,
        "CREATE TABLE orders (order_id int8 PRIMARY KEY, symbol text NOT NULL, qty numeric(12,2), note text, ts timestamptz)",
        "CREATE TABLE fills (fill_id int4 PRIMARY KEY, order_id int8, price float8, raw bytea)",
        "INSERT INTO orders SELECT i, 'S' || (i % 7), i * 1.25, CASE WHEN i % 3 = 0 THEN NULL ELSE repeat('n', i) END,"
            + " '2024-01-01 00:00:00+00'::timestamptz + i * interval '1 minute' FROM generate_series(1, 200) i",
        "INSERT INTO fills SELECT i, i % 200 + 1, i * 0.5, decode(lpad(to_hex(i), 4, '0'), 'hex') FROM generate_series(1, 300) i");
    duck = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
    source = new PostgresSourceConfig("oltp", server.host(), server.port(), db, PostgresServer.USER,
        PostgresServer.PASSWORD, null, true, 0, null);
  }

  @AfterEach
  void stopCaptures() throws Exception {
    for (SourceChangeCapture capture : captures) {
      capture.stop();
    }
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    duck.close();
    try (Connection pg = server.connect(db)) {
      new ReplicationSlots(source).drop(pg);
    }
  }

  @Test
  void mixedChangesEndWithMirrorsEqualToTheSource() throws Exception {
    start(StreamHooks.NONE);
    awaitEqual();
    Random random = new Random(20261203L);
    try (Connection pg = server.connect(db)) {
      for (int i = 0; i < 300; i++) {
        randomChange(pg, random, i);
      }
      pg.setAutoCommit(false);
      try (Statement statement = pg.createStatement()) {
        statement.execute("INSERT INTO orders VALUES (100000, 'BOTH', 1, 'two tables', now())");
        statement.execute("INSERT INTO fills VALUES (100000, 100000, 9.75, '\\x00ff')");
        statement.execute("DELETE FROM fills WHERE fill_id = 7");
        pg.commit();
        statement.execute("INSERT INTO orders VALUES (-1, 'ROLLED BACK', 1, NULL, now())");
        statement.execute("DELETE FROM orders");
        statement.execute("TRUNCATE fills");
        pg.rollback();
      }
      pg.setAutoCommit(true);
    }
    awaitEqual();
    assertThat(duckRows("SELECT count(*) FROM oltp.orders WHERE symbol = 'ROLLED BACK'")).containsExactly("0");
    assertThat(duckRows("SELECT method FROM platform.source_tables WHERE source = 'oltp' ORDER BY mirror"))
        .containsExactly("cdc", "cdc");
  }

  @Test
  void aCrashBetweenDuckDbCommitAndConfirmationAppliesNothingTwice() throws Exception {
    AtomicInteger commits = new AtomicInteger();
    start(lsn -> {
      if (commits.incrementAndGet() % 5 == 0) {
        // As if the process died here: committed in DuckDB, the source not told.
        throw new PlatformException(SqlState.CONNECTION_FAILURE, "simulated crash after commit " + commits.get());
      }
    });
    awaitEqual();
    try (Connection pg = server.connect(db); Statement statement = pg.createStatement()) {
      for (int i = 0; i < 40; i++) {
        statement.execute("INSERT INTO fills VALUES (" + (5000 + i) + ", 1, 1.5, NULL)");
        statement.execute("UPDATE orders SET qty = qty + 1 WHERE order_id = " + (i + 1));
      }
    }
    awaitEqual();
    assertThat(commits.get()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void aTableThatChangesShapeIsCopiedAgainAndASourceRestartIsFollowed() throws Exception {
    start(StreamHooks.NONE);
    awaitEqual();
    server.execute(db, "ALTER TABLE orders ADD COLUMN venue text NOT NULL DEFAULT 'XNAS'",
        "UPDATE orders SET qty = 0 WHERE order_id = 1");
    awaitEqualTo("SELECT order_id, venue, qty FROM %s ORDER BY order_id", "orders");
    server.suspend();
    server.resume();
    server.execute(db, "DELETE FROM orders WHERE order_id <= 10", "INSERT INTO fills VALUES (9999, 1, 2.5, NULL)");
    awaitEqualTo("SELECT order_id, venue, qty FROM %s ORDER BY order_id", "orders");
    awaitEqualTo(FILLS, "fills");
  }

  @Test
  void aCutReplicationConnectionIsResumedWhereItStopped() throws Exception {
    start(StreamHooks.NONE);
    awaitEqual();
    for (int cut = 0; cut < 3; cut++) {
      server.execute(db, "INSERT INTO fills VALUES (" + (7000 + cut) + ", 1, 1.25, NULL)",
          "UPDATE orders SET note = 'cut " + cut + "' WHERE order_id = " + (cut + 1));
      // The network cut, as the gateway sees it: the source ends the replication connection.
      server.execute(db, "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
          + " WHERE slot_name = 'analytics_oltp' AND active_pid IS NOT NULL");
      server.execute(db, "DELETE FROM fills WHERE fill_id = " + (cut + 1));
      awaitEqual();
    }
  }

  @Test
  void aSlotThatKeepsMoreWalThanAllowedIsDroppedAndTheSourcePolled() throws Exception {
    start(StreamHooks.NONE);
    awaitEqual();
    captures.get(0).stop();
    threads.get(0).join(30_000);
    // While nobody follows the slot, the source writes WAL the slot must keep.
    server.execute(db, "CREATE TABLE bulk AS SELECT i, repeat('x', 200) AS pad FROM generate_series(1, 20000) i");
    source = source.withChangeCapture(true, 64 * 1024);
    start(StreamHooks.NONE);
    threads.get(1).join(60_000);

    assertThat(threads.get(1).isAlive()).as("change capture ended").isFalse();
    assertThat(duckRows("SELECT status FROM platform.source_cdc WHERE source = 'oltp'")).containsExactly("stopped");
    assertThat(duckRows("SELECT message FROM platform.source_cdc WHERE source = 'oltp'").get(0))
        .contains("over maxLagBytes 65536").contains("slot was dropped");
    assertThat(pgRows("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'analytics_oltp'")).containsExactly("0");
    assertThat(duckRows("SELECT DISTINCT method FROM platform.source_tables WHERE source = 'oltp'"))
        .as("its tables go back to polling").containsExactly("full");
  }

  @Test
  void aSourceWithoutLogicalReplicationIsLeftToPolling() throws Exception {
    PostgresServer plain = PostgresServer.shared();
    String plainDb = plain.createDatabase("cdc_plain");
    plain.execute(plainDb, "CREATE TABLE t (id int4 PRIMARY KEY)");
    PostgresSourceConfig polled = new PostgresSourceConfig("plain", plain.host(), plain.port(), plainDb,
        PostgresServer.USER, PostgresServer.PASSWORD, null, true, 0, null);
    new SourceChangeCapture(polled, duck, new SourceSynchronizer(duck, DuckDbConfig.defaults()), () -> true,
        StreamHooks.NONE).run();
    assertThat(duckRows("SELECT status || ': ' || message FROM platform.source_cdc WHERE source = 'plain'"))
        .containsExactly("polling: wal_level is replica, not logical");
  }

  private void randomChange(Connection pg, Random random, int step) throws SQLException {
    try (Statement statement = pg.createStatement()) {
      int id = 1 + random.nextInt(260);
      switch (random.nextInt(6)) {
        case 0 -> statement.execute("INSERT INTO orders VALUES (" + (1000 + step) + ", 'N" + step + "', "
            + random.nextInt(1000) + ".5, 'new', now()) ON CONFLICT DO NOTHING");
        case 1 -> statement.execute("UPDATE orders SET qty = qty * 2, note = 'u" + step + "' WHERE order_id = " + id);
        case 2 -> statement.execute("DELETE FROM orders WHERE order_id = " + id);
        case 3 -> statement.execute("UPDATE orders SET order_id = order_id + 10000 WHERE order_id = " + id);
        case 4 -> statement.execute("UPDATE fills SET price = price + 0.25, raw = NULL WHERE fill_id = " + id);
        default -> statement.execute("INSERT INTO fills VALUES (" + (2000 + step) + ", " + id + ", " + step
            + ".75, '\\x0102') ON CONFLICT DO NOTHING");
      }
    }
  }

  private void start(StreamHooks hooks) {
    SourceChangeCapture capture = new SourceChangeCapture(source, duck,
        new SourceSynchronizer(duck, DuckDbConfig.defaults()), () -> true, hooks);
    Thread thread = new Thread(capture, "cdc-test");
    thread.setDaemon(true);
    thread.start();
    captures.add(capture);
    threads.add(thread);
  }

  private void awaitEqual() throws Exception {
    awaitEqualTo(ORDERS, "orders");
    awaitEqualTo(FILLS, "fills");
  }

  /** Waits (up to a generous bound) until the mirror's rows are the source's, compared as text. */
  private void awaitEqualTo(String query, String table) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    List<String> expected = pgRows(String.format(query, table));
    List<String> actual = List.of();
    while (System.currentTimeMillis() < deadline) {
      expected = pgRows(String.format(query, table));
      try {
        actual = duckRows(String.format(query, "oltp." + table));
      } catch (SQLException e) {
        actual = List.of(e.getMessage());
      }
      if (actual.equals(expected)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(actual).as("mirror of " + table).containsExactlyElementsOf(expected);
  }

  private List<String> pgRows(String sql) throws SQLException {
    try (Connection pg = server.connect(db)) {
      return render(pg, sql, true);
    }
  }

  private List<String> duckRows(String sql) throws SQLException {
    try (Connection connection = duck.connect()) {
      return render(connection, sql, false);
    }
  }

  /** Each row as text, values in a form both databases agree on (epoch micros, lowercase hex). */
  private static List<String> render(Connection connection, String sql, boolean postgres) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        java.util.StringJoiner row = new java.util.StringJoiner("|");
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          if (value instanceof byte[] bytes) {
            value = java.util.HexFormat.of().formatHex(bytes);
          } else if (value instanceof java.sql.Blob blob) {
            value = java.util.HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
          } else if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.sql.Timestamp) {
            value = result.getObject(i, java.time.OffsetDateTime.class).toInstant();
          } else if (value instanceof java.math.BigDecimal decimal) {
            value = decimal.toPlainString();
          } else if (value instanceof Number number && !(value instanceof Double)) {
            value = number.longValue();
          }
          row.add(String.valueOf(value));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
