package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of serving gateways (real {@code analytics serve} processes) at seeded moments while a
 * writer keeps committing (and rolling back) mixed transactions over two tables at the source, and
 * the source itself restarted once in the middle: a gateway started afterwards catches up, and its
 * mirrors equal the source row for row, with no row applied twice.
 */
class ChangeCaptureCrashTest {
  private static final int KILLS = 4;
  private static final String LEDGER = "SELECT id, account, amount FROM %s ORDER BY id";
  private static final String TRANSFERS = "SELECT id, ledger_id, note FROM %s ORDER BY id";

  @TempDir Path home;

  @Test
  void gatewaysKilledWhileStreamingResumeWithNothingLostAndNothingTwice() throws Exception {
    try (PostgresServer postgres = PostgresServer.startLogical()) {
      String db = postgres.createDatabase("cdc_crash");
      postgres.execute(db, "CREATE TABLE ledger (id int8 PRIMARY KEY, account int4, amount int8)",
          "CREATE TABLE transfers (id int8 PRIMARY KEY, ledger_id int8, note text)",
          "INSERT INTO ledger SELECT i, i % 13, i * 10 FROM generate_series(1, 1000) i");
      assertThat(TradeBatches.cli(home, "init")).isZero();
      assertThat(TradeBatches.cli(home, "attach", "oltp", postgres.url(db), "--sync-interval", "0")).isZero();

      Random random = new Random(20261203L);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger committed = new AtomicInteger();
      Thread writer = new Thread(() -> write(postgres, db, writing, committed), "source-writer");
      writer.start();
      try {
        for (int kill = 1; kill <= KILLS; kill++) {
          try (ServeProcess serve = ServeProcess.start(home)) {
            serve.await("listening on");
            Thread.sleep(1_000 + random.nextInt(4_000));
            serve.kill();
          }
          System.out.printf("kill %d after %d source transactions%n", kill, committed.get());
          if (kill == 2) {
            postgres.suspend();
            postgres.resume();
          }
        }
      } finally {
        writing.set(false);
        writer.join(30_000);
      }
      assertThat(committed.get()).as("the writer kept committing").isGreaterThan(50);

      PlatformHome platformHome = new PlatformHome(home);
      PlatformConfig config = PlatformConfig.load(platformHome.configFile(), Map.of());
      GatewayServer server = GatewayServer.forHome(platformHome, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
      try {
        int port = server.start().getPort();
        Properties properties = new Properties();
        properties.setProperty("user", "checker");
        try (Connection gateway = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties);
            Connection source = postgres.connect(db)) {
          awaitEqual(gateway, source, LEDGER, "ledger");
          awaitEqual(gateway, source, TRANSFERS, "transfers");
          assertThat(rows(gateway, "SELECT count(*) - count(DISTINCT id) FROM oltp.public.ledger")).containsExactly("0");
          assertThat(rows(gateway, "SELECT count(*) FROM oltp.transfers WHERE note = 'rolled back'")).containsExactly("0");
        }
      } finally {
        server.shutdown(1_000);
      }
    }
  }

  /** Mixed transactions until told to stop: some touch both tables, one in seven rolls back. */
  private static void write(PostgresServer postgres, String db, AtomicBoolean writing, AtomicInteger committed) {
    Random random = new Random(7);
    long nextId = 100_000;
    while (writing.get()) {
      try (Connection connection = postgres.connect(db); Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        while (writing.get()) {
          long id = 1 + random.nextInt(1200);
          switch (random.nextInt(4)) {
            case 0 -> statement.execute("INSERT INTO ledger VALUES (" + nextId++ + ", " + random.nextInt(13) + ", 1)");
            case 1 -> statement.execute("UPDATE ledger SET amount = amount + 1, account = account + 1 WHERE id = " + id);
            case 2 -> statement.execute("DELETE FROM ledger WHERE id = " + id);
            default -> {
              statement.execute("UPDATE ledger SET amount = amount - 5 WHERE id = " + id);
              statement.execute("INSERT INTO transfers VALUES (" + nextId++ + ", " + id + ", 'moved 5')");
            }
          }
          if (random.nextInt(7) == 0) {
            statement.execute("INSERT INTO transfers VALUES (" + nextId++ + ", 0, 'rolled back')");
            connection.rollback();
          } else {
            connection.commit();
            committed.incrementAndGet();
          }
          Thread.sleep(random.nextInt(20));
        }
      } catch (SQLException e) {
        // The source restarting: connect again.
        sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void awaitEqual(Connection gateway, Connection source, String query, String table) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    List<String> expected = rows(source, String.format(query, table));
    List<String> actual = List.of();
    while (System.currentTimeMillis() < deadline) {
      try {
        actual = rows(gateway, String.format(query, "oltp." + table));
      } catch (SQLException e) {
        actual = List.of(e.getMessage());
      }
      if (actual.equals(expected)) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(actual).as("mirror of " + table).containsExactlyElementsOf(expected);
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rows.getString(i)).append(i < columns ? "|" : "");
        }
        values.add(row.toString());
      }
    }
    return values;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
