package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.server.GatewayServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * One home served by the gateway that owns the warehouse and two read replicas beside it: one in
 * this JVM, one a real {@code analytics serve --replica} process. Readers spread over the replicas
 * count rows while multi-partition batches are ingested and the writer keeps changing the warehouse
 * (so snapshots are swapped under them): they only ever see whole batches and never fail; the
 * replicas see the new rows, and the writer's tables, without a restart; and writes on a replica
 * are refused with 25006.
 */
class ReadReplicasTest {
  private static final int BATCH_ROWS = 50_000;
  private static final int BATCHES = 3;
  private static final int READERS = 4;
  private static final long WAIT_MILLIS = 120_000;
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path home;

  @Test
  void replicasServeWholeBatchesAndTheWritersTablesWithoutRestartAndRefuseWrites() throws Exception {
    assertThat(cli("init")).isZero();
    PlatformConfig config = fastReplication(PlatformConfig.fromFile(new PlatformHome(home).configFile()));
    Files.writeString(new PlatformHome(home).configFile(), config.toJson());
    assertThat(cli("ingest", writeCsv(0).toString(), "--table", "trades", "--partition-by", "date")).isZero();

    GatewayServer writer = GatewayServer.forHome(new PlatformHome(home), onFreePort(config));
    GatewayServer replica = null;
    Process replicaProcess = null;
    try {
      int writerPort = writer.start().getPort();
      // Started while the writer holds the warehouse: a replica takes no lock on it.
      replica = GatewayServer.forReplica(new PlatformHome(home), onFreePort(config));
      int replicaPort = replica.start().getPort();
      replicaProcess = startReplicaProcess();
      int processPort = awaitListening(replicaProcess);
      List<Integer> replicaPorts = List.of(replicaPort, processPort);

      try (Connection connection = connect(writerPort); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE desk_notes (id INTEGER, note VARCHAR)");
        statement.execute("INSERT INTO desk_notes VALUES (1, 'first')");
        // A view of the warehouse over a lake table: on a replica it must read the lake as the replica sees it.
        statement.execute("CREATE VIEW bronze.trade_count AS SELECT count(*) AS n FROM bronze.trades");
      }
      for (int port : replicaPorts) {
        assertThat(awaitLong(port, "SELECT count(*) FROM desk_notes", 1)).isEqualTo(1);
      }

      Set<Long> seen = ConcurrentHashMap.newKeySet();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        int port = replicaPorts.get(i % replicaPorts.size());
        threads.add(new Thread(() -> readUntilDone(port, done, seen, failures), "reader-" + i));
      }
      // The writer changes the warehouse while the batches land, so replicas swap snapshots under the readers.
      threads.add(new Thread(() -> insertUntilDone(writerPort, done, failures), "warehouse-writer"));
      threads.forEach(Thread::start);
      for (int batch = 1; batch <= BATCHES; batch++) {
        assertThat(cli("ingest", writeCsv(batch).toString(), "--table", "trades", "--partition-by", "date")).isZero();
      }
      long total = (long) BATCH_ROWS * (BATCHES + 1);
      for (int port : replicaPorts) {
        assertThat(awaitLong(port, "SELECT count(*) FROM bronze.trades", total)).isEqualTo(total);
        assertThat(awaitLong(port, "SELECT n FROM bronze.trade_count", total)).isEqualTo(total);
      }
      done.set(true);
      for (Thread thread : threads) {
        thread.join(WAIT_MILLIS);
      }
      assertThat(failures).isEmpty();
      assertThat(seen).allSatisfy(count -> assertThat(count % BATCH_ROWS).as("count %d", count).isZero());
      assertThat(seen).contains(total);

      for (int port : replicaPorts) {
        long notes = awaitLong(port, "SELECT count(*) FROM desk_notes WHERE note = 'last'", 1);
        assertThat(notes).as("the writer's last insert, on replica %d", port).isEqualTo(1);
        assertRefusedAsReadOnly(port);
      }
      // A replica looks like a PostgreSQL hot standby, so clients route by it as they do there.
      assertThat(readOnlyOfServerChosenBy(writerPort, replicaPorts, "secondary")).isEqualTo("on");
      assertThat(readOnlyOfServerChosenBy(writerPort, replicaPorts, "primary")).isEqualTo("off");
      // CLI commands find the gateway that owns the warehouse by this file; a replica never writes it.
      assertThat(new PlatformHome(home).gatewayEndpointFile()).doesNotExist();
    } finally {
      if (replicaProcess != null) {
        replicaProcess.destroy();
        replicaProcess.waitFor(30, TimeUnit.SECONDS);
        replicaProcess.destroyForcibly();
      }
      if (replica != null) {
        replica.shutdown(1_000);
      }
      writer.shutdown(1_000);
    }
  }

  @Test
  void aReplicaServesTheLakeBeforeAnySnapshotAndTakesTheOneACommandPublishesWithoutAGateway() throws Exception {
    assertThat(cli("init")).isZero();
    assertThat(cli("ingest", writeCsv(0).toString(), "--table", "trades", "--partition-by", "date")).isZero();
    GatewayServer replica = GatewayServer.forReplica(new PlatformHome(home), onFreePort(fastReplication(PlatformConfig.defaults())));
    try {
      int port = replica.start().getPort();
      assertThat(awaitLong(port, "SELECT count(*) FROM bronze.trades", BATCH_ROWS)).isEqualTo(BATCH_ROWS);

      // No gateway owns the warehouse: the command opens it, and publishes for the running replica when done.
      assertThat(cli("query", "CREATE TABLE main.limits AS SELECT 'SYM1' AS symbol, 100 AS max_quantity")).isZero();

      assertThat(awaitLong(port, "SELECT max_quantity FROM limits", 100)).isEqualTo(100);
      assertThat(awaitLong(port, "SELECT count(*) FROM bronze.trades", BATCH_ROWS)).isEqualTo(BATCH_ROWS);
    } finally {
      replica.shutdown(1_000);
    }
  }

  private void assertRefusedAsReadOnly(int port) throws SQLException {
    try (Connection connection = connect(port)) {
      for (String sql : List.of(
          "INSERT INTO desk_notes VALUES (-9, 'no')",
          "CREATE TABLE elsewhere (a INTEGER)",
          "/* hidden */ with x AS (SELECT 1) DELETE FROM desk_notes",
          "CREATE VIEW bronze.v AS SELECT 1")) {
        assertThatThrownBy(() -> connection.createStatement().execute(sql))
            .as(sql)
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).as("%s -> %s", sql, e.getMessage()).isEqualTo("25006");
              assertThat(e.getMessage()).contains("read replica");
            });
      }
      CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
      assertThatThrownBy(() -> copy.copyIn("COPY desk_notes FROM STDIN",
              new ByteArrayInputStream("-9\tno\n".getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("25006");
            assertThat(e.getMessage()).contains("cannot execute COPY FROM");
          });
      // Reads go on as before on the same connection.
      try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM desk_notes WHERE id = -9")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
    }
  }

  /** transaction_read_only of the server pgjdbc picks from all three for {@code targetServerType}. */
  private static String readOnlyOfServerChosenBy(int writerPort, List<Integer> replicaPorts, String targetServerType)
      throws SQLException {
    String hosts = "127.0.0.1:" + replicaPorts.get(0) + ",127.0.0.1:" + writerPort + ",127.0.0.1:" + replicaPorts.get(1);
    Properties properties = new Properties();
    properties.setProperty("user", "reader");
    properties.setProperty("targetServerType", targetServerType);
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + hosts + "/lake", properties);
        ResultSet rows = connection.createStatement().executeQuery("SHOW transaction_read_only")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void readUntilDone(int port, AtomicBoolean done, Set<Long> seen, List<Throwable> failures) {
    try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
      while (!done.get()) {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM bronze.trades")) {
          rows.next();
          seen.add(rows.getLong(1));
        }
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM desk_notes")) {
          rows.next();
        }
      }
    } catch (Throwable e) {
      failures.add(e);
    }
  }

  private static void insertUntilDone(int writerPort, AtomicBoolean done, List<Throwable> failures) {
    try (Connection connection = connect(writerPort); Statement statement = connection.createStatement()) {
      for (int id = 2; !done.get(); id++) {
        statement.execute("INSERT INTO desk_notes VALUES (" + id + ", 'during ingest')");
        Thread.sleep(200);
      }
      statement.execute("INSERT INTO desk_notes VALUES (0, 'last')");
    } catch (Throwable e) {
      failures.add(e);
    }
  }

  /** Polls until the query's single value is at least {@code expected}; returns the value last read. */
  private static long awaitLong(int port, String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    long value = -1;
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection connection = connect(port); ResultSet rows = connection.createStatement().executeQuery(sql)) {
        rows.next();
        value = rows.getLong(1);
        if (value >= expected) {
          return value;
        }
      } catch (SQLException e) {
        // Not there yet (the table arrives with the next snapshot): look again.
        last = e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("on port " + port + ", " + sql + " gave " + value + ", not " + expected, last);
  }

  private Process startReplicaProcess() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(
        java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        AnalyticsCli.class.getName(), "--home", home.toString(), "serve", "--replica", "--port", "0");
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Reads the process's log until it says where it listens; the rest of its output is drained in the background. */
  private static int awaitListening(Process process) throws Exception {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      lines.add(line);
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "replica-log");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(listening.group(1));
      }
    }
    throw new AssertionError("the replica process stopped before it listened: " + lines);
  }

  private static Connection connect(int port) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "reader");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties);
  }

  private static PlatformConfig fastReplication(PlatformConfig config) {
    return config.withGateway(config.gateway().withReplication(new ReplicationConfig(100, 15, 60)));
  }

  private static PlatformConfig onFreePort(PlatformConfig config) {
    return config.withGateway(config.gateway().withListen("127.0.0.1", 0));
  }

  private Path writeCsv(int batch) throws Exception {
    return TradeBatches.writeCsv(home, batch, BATCH_ROWS, "2024-02");
  }

  private int cli(String... args) {
    return TradeBatches.cli(home, args);
  }
}
