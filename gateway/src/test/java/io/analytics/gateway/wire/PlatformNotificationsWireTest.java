package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.cli.AnalyticsCli;
import io.analytics.gateway.testing.CliRun;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The platform's own notifications: a batch ingested by another process (the CLI's {@code ingest},
 * beside the serving gateway) and a source sync the CLI asks the gateway for reach sessions that
 * LISTEN on {@code lake_commit[:layer.dataset]} and {@code mirror_sync[:source.table]}, through
 * psycopg2's {@code conn.poll()}, node-postgres' {@code 'notification'} event and pgjdbc's
 * {@code getNotifications}, and a query run on receiving one sees the new rows.
 */
class PlatformNotificationsWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestGateway gateway;
  private static Path home;

  @BeforeAll
  static void start() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String database = postgres.createDatabase("notified");
    postgres.execute(database, "DROP TABLE IF EXISTS orders",
        "CREATE TABLE orders (order_id int4 PRIMARY KEY, symbol text)",
        "INSERT INTO orders SELECT i, 'SYM' || (i % 7) FROM generate_series(1, 40) i");
    gateway = TestGateway.start();
    home = gateway.home().root();
    // As `analytics serve` does: CLI commands find the gateway (sync asks it to do the work).
    GatewayEndpointFile.write(gateway.home(), ProcessHandle.current().pid(), gateway.host(), gateway.port());
    CliRun attach = CliRun.in(home, "attach", "oltp", postgres.url(database));
    assertThat(attach.exitCode()).as(attach.err()).isZero();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      GatewayEndpointFile.delete(gateway.home());
      gateway.close();
    }
  }

  @Test
  void psycopg2AndJdbcListenersHearAnotherProcesssIngestAndASync() throws Exception {
    String python = ClientScript.pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed");
    try (Connection jdbc = gateway.connect(); Statement statement = jdbc.createStatement()) {
      statement.execute("LISTEN lake_commit");
      statement.execute("LISTEN mirror_sync");
      ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), triggers("bronze.notified_py"),
          python, ClientScript.CLIENTS.resolve("python").resolve("platform_notify_checks.py").toString());
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.passedChecks()).containsExactly("lake commit", "mirror sync");

      List<PGNotification> received = jdbcNotifications(jdbc, 2);
      assertThat(received).extracting(PGNotification::getName).containsExactly("lake_commit", "mirror_sync");
      assertThat(received).extracting(PGNotification::getPID).containsOnly(0);
      JsonNode commit = JSON.readTree(received.get(0).getParameter());
      assertThat(commit.get("layer").asText() + "." + commit.get("dataset").asText()).isEqualTo("bronze.notified_py");
      assertThat(commit.get("rows").asLong()).isEqualTo(3);
      assertThat(commit.get("source").asText()).endsWith("bronze.notified_py.csv");
      JsonNode sync = JSON.readTree(received.get(1).getParameter());
      assertThat(sync.get("mirror").asText()).isEqualTo("oltp.orders");
      assertThat(sync.get("rows").asLong()).isEqualTo(40);
    }
  }

  @Test
  void nodePostgresHearsAnotherProcesssIngestAndASync() throws Exception {
    Path node = ClientScript.CLIENTS.resolve("node");
    assumeTrue(Files.isDirectory(node.resolve("node_modules").resolve("pg")), "node-postgres is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), triggers("silver.notified_js"),
        "node", node.resolve("notify_checks.js").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).containsExactly("lake commit", "mirror sync", "pg_notify parameters");
  }

  /** The notifications pgjdbc has received, waiting until there are {@code count} (at most 60 s). */
  private static List<PGNotification> jdbcNotifications(Connection jdbc, int count) throws Exception {
    List<PGNotification> received = new ArrayList<>();
    for (int i = 0; i < 60 && received.size() < count; i++) {
      PGNotification[] more = jdbc.unwrap(PGConnection.class).getNotifications(1_000);
      received.addAll(List.of(more == null ? new PGNotification[0] : more));
    }
    return received;
  }

  /** The client's environment: which dataset and mirror it listens on, and the CLI commands that change them. */
  private static Map<String, String> triggers(String dataset) throws Exception {
    Path csv = Files.writeString(home.resolve(dataset + ".csv"), "trade_id,ts,symbol,side,quantity,price\n"
        + "1,2024-03-01T10:00:00Z,AAPL,BUY,1,10\n2,2024-03-01T11:00:00Z,AAPL,SELL,1,11\n"
        + "3,2024-03-01T12:00:00Z,MSFT,BUY,2,12\n");
    String[] layerAndName = dataset.split("\\.");
    Map<String, String> environment = new HashMap<>();
    environment.put("DATASET", dataset);
    environment.put("MIRROR", "oltp.orders");
    environment.put("TRIGGER_INGEST", JSON.writeValueAsString(cli("ingest", csv.toString(), "--layer", layerAndName[0],
        "--table", layerAndName[1], "--schema", "TradeSchema")));
    environment.put("TRIGGER_SYNC", JSON.writeValueAsString(cli("sync", "oltp", "--full")));
    return environment;
  }

  /** {@code analytics --home HOME args...} as a process of its own, on this JVM's class path. */
  private static List<String> cli(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        AnalyticsCli.class.getName(), "--home", home.toString()));
    command.addAll(List.of(args));
    return command;
  }
}
