package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * The gateway's capacity targets, measured on a gateway process of its own started with the heap
 * cap the target names: what idle connections cost, whether concurrent analytical sessions use both
 * cores, and whether streaming many rows to a slow client keeps the heap bounded.
 */
final class CapacityBench {
  static final String MAX_HEAP = "256m";
  static final int IDLE_CONNECTIONS = 200;
  static final int SESSIONS = 8;
  /** The slow client reads at most this many bytes a second, well below what the gateway can send. */
  static final long SLOW_CLIENT_BYTES_PER_SECOND = 50L << 20;
  private static final double MB = 1 << 20;

  private final GatewayProcess gateway;
  private final String trades;

  CapacityBench(GatewayProcess gateway, String trades) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.trades = requireNonNull(trades, "trades is null");
  }

  /** One measured figure, its target, and whether the target was met. */
  record Result(String measurement, String result, String target, boolean met) {}

  List<Result> runAll(long streamedRows) throws Exception {
    List<Result> results = new ArrayList<>();
    results.add(idleConnections());
    results.add(concurrentSessions());
    results.add(slowClientStream(streamedRows));
    return results;
  }

  /**
   * Resident memory (outside the heap: the process keeps its whole heap resident) and live heap before
   * and after opening {@link #IDLE_CONNECTIONS} connections that each ran one query.
   */
  Result idleConnections() throws Exception {
    List<Connection> connections = new ArrayList<>();
    try {
      connections.add(connect());
      selectOne(connections.get(0));
      long residentBefore = settledResident();
      long heapBefore = gateway.heapUsedBytes();
      while (connections.size() < IDLE_CONNECTIONS + 1) {
        Connection connection = connect();
        connections.add(connection);
        selectOne(connection);
      }
      long residentAfter = settledResident();
      long heapAfter = gateway.heapUsedBytes();
      double residentMb = (residentAfter - residentBefore) / MB;
      double heapMb = (heapAfter - heapBefore) / MB;
      return new Result(IDLE_CONNECTIONS + " idle connections",
          String.format(Locale.ROOT, "%.1f MB resident outside the heap (%.0f kB each), %.1f MB of live heap", residentMb,
              residentMb * 1024 / IDLE_CONNECTIONS, heapMb),
          "under 100 MB", residentBefore >= 0 && residentMb < 100 && heapMb < 100);
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** {@link #SESSIONS} analytical queries one after another, then all at once on their own connections. */
  Result concurrentSessions() throws Exception {
    String sql = "SELECT date, symbol, sum(price * quantity) / sum(quantity) AS vwap FROM " + trades + " GROUP BY date, symbol";
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    try {
      for (int i = 0; i < SESSIONS; i++) {
        connections.add(connect());
      }
      readAll(connections.get(0), sql); // warm-up: file metadata cached, plans compiled
      long started = System.nanoTime();
      for (Connection connection : connections) {
        readAll(connection, sql);
      }
      long sequential = System.nanoTime() - started;

      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (Connection connection : connections) {
        running.add(pool.submit(() -> {
          go.await();
          readAll(connection, sql);
          return null;
        }));
      }
      started = System.nanoTime();
      go.countDown();
      for (Future<?> session : running) {
        session.get();
      }
      long concurrent = System.nanoTime() - started;
      double ratio = (double) concurrent / sequential;
      return new Result(SESSIONS + " concurrent daily-VWAP sessions",
          String.format(Locale.ROOT, "%.0f ms at once vs %.0f ms one after another (%.2fx)", concurrent / 1e6, sequential / 1e6, ratio),
          "no slower than one after another", ratio <= 1.0);
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /**
   * COPY of {@code rows} rows (the trades repeated) to a client that reads at most {@link
   * #SLOW_CLIENT_BYTES_PER_SECOND}, sampling the gateway's heap meanwhile; the gateway runs with a
   * {@link #MAX_HEAP} heap cap, so finishing at all shows the results did not pile up in it.
   */
  Result slowClientStream(long rows) throws Exception {
    long repeats = Math.max(1, rows / countTrades());
    String sql = "COPY (SELECT t.* FROM " + trades + " t, range(" + repeats + ")) TO STDOUT";
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          peakHeap.accumulateAndGet(gateway.heapUsedBytes(), Math::max);
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        } catch (IOException e) {
          // a scrape that failed is a sample lost, not a result
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    long copied;
    long started = System.nanoTime();
    ThrottledSink sink = new ThrottledSink(SLOW_CLIENT_BYTES_PER_SECOND);
    sampler.start();
    try (Connection connection = connect()) {
      copied = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, sink);
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double heapMb = peakHeap.get() / MB;
    return new Result(String.format(Locale.ROOT, "%,d rows streamed to a slow client", copied),
        String.format(Locale.ROOT, "peak heap in use %.0f MB (cap %s), %.0f MB peak resident, %,.0f MB in %.0f s",
            heapMb, MAX_HEAP, gateway.peakResidentBytes() / MB, sink.written() / MB, seconds),
        "heap under 256 MB", gateway.isAlive() && peakHeap.get() > 0 && heapMb < 256);
  }

  private long countTrades() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + trades)) {
      count.next();
      return Math.max(1, count.getLong(1));
    }
  }

  private long settledResident() throws IOException, InterruptedException {
    Thread.sleep(1_000);
    gateway.collectGarbage();
    return gateway.residentBytes();
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "bench");
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static void selectOne(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet one = statement.executeQuery("SELECT 1")) {
      one.next();
    }
  }

  private static void readAll(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        rows.getObject(1);
      }
    }
  }

  /** Discards what it is given, sleeping so as never to go faster than its rate. */
  private static final class ThrottledSink extends OutputStream {
    private final long bytesPerSecond;
    private final long started = System.nanoTime();
    private long written;

    ThrottledSink(long bytesPerSecond) {
      this.bytesPerSecond = bytesPerSecond;
    }

    long written() {
      return written;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      written += length;
      long due = started + (long) (written * 1e9 / bytesPerSecond);
      long ahead = due - System.nanoTime();
      if (ahead > 1_000_000) {
        try {
          Thread.sleep(ahead / 1_000_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while throttling", e);
        }
      }
    }
  }
}
