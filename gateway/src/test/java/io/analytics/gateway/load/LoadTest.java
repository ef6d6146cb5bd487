package io.analytics.gateway.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 200 pgjdbc connections held open at once, each running a mix of point lookups (on a DuckDB
 * table, prepared) and analytical queries (over the Parquet lake) for a while: no errors, every
 * connection served, and Arrow memory back to zero afterwards. Latencies (p50/p99 per kind) and
 * throughput are printed, not asserted. The short form runs in the suite; the long one with
 * {@code make loadtest} (-Dload.seconds=300).
 */
class LoadTest {
  private static final int CONNECTIONS = Integer.getInteger("load.connections", 200);
  private static final int SECONDS = Integer.getInteger("load.seconds", 15);

  @Test
  void twoHundredConnectionsWithMixedQueriesRunWithoutErrors() throws Exception {
    try (TestGateway gateway = TestGateway.start()) {
      try (Connection setup = gateway.connect(); Statement statement = setup.createStatement()) {
        statement.execute("CREATE TABLE accounts AS SELECT i AS id, 'account ' || i AS name, i % 97 AS desk FROM range(100000) t(i)");
        statement.execute("ALTER TABLE accounts ADD PRIMARY KEY (id)");
      }
      List<Connection> connections = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "1");
        connections.add(gateway.connect(properties));
      }
      assertThat(gateway.server().activeSessions()).isGreaterThanOrEqualTo(CONNECTIONS);

      long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
      Recorder points = new Recorder();
      Recorder analytics = new Recorder();
      AtomicInteger errors = new AtomicInteger();
      AtomicLong peakArrowBytes = new AtomicLong();
      CountDownLatch done = new CountDownLatch(CONNECTIONS);
      for (int i = 0; i < CONNECTIONS; i++) {
        Connection connection = connections.get(i);
        long seed = i;
        Thread worker = new Thread(() -> {
          Random random = new Random(seed);
          try (PreparedStatement point = connection.prepareStatement("SELECT name, desk FROM accounts WHERE id = ?");
              PreparedStatement heavy = connection.prepareStatement(
                  "SELECT symbol, sum(quantity * price) AS notional, count(*) FROM bronze.trades WHERE date >= ? GROUP BY symbol")) {
            while (System.nanoTime() < deadline) {
              long started = System.nanoTime();
              if (random.nextInt(10) < 8) {
                point.setInt(1, random.nextInt(100_000));
                try (ResultSet rows = point.executeQuery()) {
                  rows.next();
                }
                points.record(System.nanoTime() - started);
              } else {
                heavy.setObject(1, java.time.LocalDate.of(2024, 1, 2 + random.nextInt(4)));
                try (ResultSet rows = heavy.executeQuery()) {
                  while (rows.next()) {
                    rows.getBigDecimal(2);
                  }
                }
                analytics.record(System.nanoTime() - started);
              }
              peakArrowBytes.accumulateAndGet(gateway.server().arrowBytesAllocated(), Math::max);
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            e.printStackTrace();
          } finally {
            done.countDown();
          }
        }, "load-" + i);
        worker.setDaemon(true);
        worker.start();
      }
      done.await();
      for (Connection connection : connections) {
        connection.close();
      }
      System.out.printf("load: %d connections, %d s: point lookups %s; analytical %s; peak Arrow memory %d KiB%n",
          CONNECTIONS, SECONDS, points.summary(SECONDS), analytics.summary(SECONDS), peakArrowBytes.get() / 1024);
      assertThat(errors).hasValue(0);
      assertThat(points.count()).isPositive();
      assertThat(analytics.count()).isPositive();
      long waitUntil = System.nanoTime() + 5_000_000_000L;
      while (gateway.server().arrowBytesAllocated() > 0 && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      assertThat(gateway.server().arrowBytesAllocated()).as("Arrow memory after the load").isZero();
    }
  }

  /** Latencies of one kind of query, in microseconds. */
  private static final class Recorder {
    private long[] micros = new long[1 << 16];
    private int size;

    synchronized void record(long nanos) {
      if (size == micros.length) {
        micros = Arrays.copyOf(micros, size * 2);
      }
      micros[size++] = nanos / 1_000;
    }

    synchronized int count() {
      return size;
    }

    synchronized String summary(int seconds) {
      long[] sorted = Arrays.copyOf(micros, size);
      Arrays.sort(sorted);
      if (size == 0) {
        return "none";
      }
      return String.format("%d queries (%.0f/s), p50 %.1f ms, p99 %.1f ms", size, size / (double) seconds,
          sorted[size / 2] / 1000.0, sorted[Math.min(size - 1, (int) (size * 0.99))] / 1000.0);
    }
  }
}
