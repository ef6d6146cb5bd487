package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.postgres.LocalPostgresCluster;
import io.analytics.gateway.server.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How fresh a PostgreSQL source is through the gateway: the time from a commit at the source to the
 * first query on the gateway that sees it, for change capture (logical replication) and for polling
 * (every second, the shortest interval; the default 300 s interval waits half of that on average).
 * The source is a cluster of its own with {@code wal_level=logical}; each measurement is one row.
 */
final class FreshnessBench {
  static final int COMMITS = 60;
  private static final long POLL_NANOS = 2_000_000;
  private static final long GIVE_UP_NANOS = 60_000_000_000L;

  private final Path bin;
  private final Path work;
  private final int commits;

  FreshnessBench(Path bin, Path work) {
    this(bin, work, COMMITS);
  }

  /** @param commits measurements per path */
  FreshnessBench(Path bin, Path work, int commits) {
    this.bin = requireNonNull(bin, "bin is null");
    this.work = requireNonNull(work, "work is null");
    this.commits = commits;
  }

  List<CapacityBench.Result> runAll() throws Exception {
    try (LocalPostgresCluster source = LocalPostgresCluster.start(bin,
        List.of("wal_level=logical", "max_wal_senders=4", "max_replication_slots=4"))) {
      String url = "jdbc:postgresql://127.0.0.1:" + source.port() + "/postgres";
      try (Connection pg = connect(url, LocalPostgresCluster.USER); Statement statement = pg.createStatement()) {
        statement.execute("CREATE TABLE probe (id int8 PRIMARY KEY, at timestamptz DEFAULT now())");
        statement.execute("CREATE TABLE probe_polled (id int8 PRIMARY KEY, at timestamptz DEFAULT now())");
      }
      PostgresSourceConfig base = new PostgresSourceConfig("oltp", "127.0.0.1", source.port(), "postgres",
          LocalPostgresCluster.USER, LocalPostgresCluster.PASSWORD, null, true, 1, null);
      List<CapacityBench.Result> results = new ArrayList<>();
      results.add(measure("source commit to visible, change capture (logical replication)", base, url, "probe",
          "median <= 2 s", 2_000));
      results.add(measure("source commit to visible, polling (syncIntervalSeconds 1)",
          base.withChangeCapture(false, PostgresSourceConfig.DEFAULT_MAX_LAG_BYTES), url, "probe_polled",
          "the default interval (300 s) waits ~150 s", Double.NaN));
      return results;
    }
  }

  private CapacityBench.Result measure(String what, PostgresSourceConfig source, String url, String table,
      String target, double targetMillis) throws Exception {
    PlatformHome home = new PlatformHome(Files.createDirectories(work.resolve("freshness-" + table)));
    home.ensureLayout();
    PlatformConfig config = PlatformConfig.defaults().withSources(List.of(source));
    GatewayServer gateway = GatewayServer.forHome(home, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    try {
      int port = gateway.start().getPort();
      try (Connection pg = connect(url, LocalPostgresCluster.USER);
          Connection client = connect("jdbc:postgresql://127.0.0.1:" + port + "/lake", "bench");
          PreparedStatement insert = pg.prepareStatement("INSERT INTO " + table + " (id) VALUES (?)");
          PreparedStatement probe = client.prepareStatement("SELECT count(*) FROM oltp.public." + table + " WHERE id = ?")) {
        awaitVisible(probe, -1, insert);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
          insert.setLong(1, i);
          insert.executeUpdate();
          long committed = System.nanoTime();
          awaitVisible(probe, i, null);
          micros.add((System.nanoTime() - committed) / 1_000);
        }
        Collections.sort(micros);
        double median = micros.get(micros.size() / 2) / 1000.0;
        double p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0;
        String result = String.format(Locale.ROOT, "median %.0f ms, p99 %.0f ms (%d commits)", median, p99, micros.size());
        return new CapacityBench.Result(what, result, target, Double.isNaN(targetMillis) || median <= targetMillis);
      }
    } finally {
      gateway.shutdown(1_000);
    }
  }

  /** Polls the gateway until row {@code id} is there (a first row {@code -1} is inserted to warm up). */
  private static void awaitVisible(PreparedStatement probe, long id, PreparedStatement insertFirst) throws Exception {
    if (insertFirst != null) {
      insertFirst.setLong(1, id);
      insertFirst.executeUpdate();
    }
    long deadline = System.nanoTime() + GIVE_UP_NANOS;
    while (System.nanoTime() < deadline) {
      try {
        probe.setLong(1, id);
        try (ResultSet rows = probe.executeQuery()) {
          if (rows.next() && rows.getLong(1) > 0) {
            return;
          }
        }
      } catch (java.sql.SQLException e) {
        // Not mirrored yet (the first copy is still running): look again.
      }
      Thread.sleep(POLL_NANOS / 1_000_000);
    }
    throw new IllegalStateException("row " + id + " never became visible through the gateway");
  }

  private static Connection connect(String url, String user) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", LocalPostgresCluster.PASSWORD);
    return DriverManager.getConnection(url, properties);
  }
}
