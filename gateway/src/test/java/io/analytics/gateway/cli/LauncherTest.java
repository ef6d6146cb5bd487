package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.server.GatewayServer;
import io.analytics.gateway.testing.Launcher;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's CLI bullets of issue #20, each through the repository's {@code ./analytics}
 * launcher in a process of its own (stdout, stderr and exit codes as a shell sees them): help on
 * every level, the home owner's CLI without a password once users exist, strict CSV, psql-style
 * variables and {@code --single-transaction}, progress lines when not on a terminal, unqualified
 * names through the search path, values printed as psql prints them, a taken port named, TLS
 * paths stored relative to the home, and the example migrations on a home without the demo data.
 */
class LauncherTest {
  /** One home for the class: each launch is a JVM start, so the home is set up once. */
  @TempDir static Path home;

  @BeforeAll
  static void initAndIngest() throws Exception {
    ok("init");
    Path csv = Files.writeString(home.resolve("trades.csv"), String.join("\n",
        "trade_id,ts,symbol,side,quantity,price,venue",
        "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS",
        "2,2024-01-03T10:00:00Z,MSFT,SELL,5",
        "3,2024-01-03T10:00:00Z,\"ZZB,SELL,5,370.25,XNYS",
        "4,2024-01-03T10:30:00Z,MSFT,SELL,5,370.25,XNYS", ""));
    Launcher.Run ingest = ok("ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema");
    assertThat(ingest.out()).contains("bronze.trades: 2 rows written").contains("2 rejected")
        .contains("trades.csv line 3: too few fields: 5, the header has 7")
        .contains("trades.csv line 4: a quoted field is never closed");
    assertThat(ingest.err()).as("progress as plain lines: stderr is not a terminal")
        .containsPattern("(?m)^ingest trades: validating and writing started \\([0-9]+ B\\)$")
        .containsPattern("(?m)^ingest trades: validating and writing done in [0-9.]+ s");
  }

  @Test
  void everyCommandAnswersHelpAndTheQueryPrintsAsPsqlThroughUnqualifiedNames() throws Exception {
    for (String command : new String[] {"ingest", "sync", "bench", "run"}) {
      Launcher.Run help = ok(command, "--help");
      assertThat(help.out()).startsWith("Usage: analytics " + command);
      assertThat(help.err()).isEmpty();
    }
    assertThat(ok("run", "--help").out()).doesNotContain("null").contains(":'NAME'").contains("--single-transaction");
    assertThat(ok("query", "SELECT trade_id, ts, quantity FROM trades ORDER BY trade_id", "--format", "csv").out())
        .isEqualTo("trade_id,ts,quantity\n1,2024-01-02 10:00:00+00,10.0000\n4,2024-01-03 10:30:00+00,5.0000\n");
    assertThat(ok("describe", "trades").out()).contains("table:          bronze.trades");
    Launcher.Run missing = Launcher.run(home, "describe", "nope");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("nope");
  }

  @Test
  void runQuotesVariablesAsPsqlAndSingleTransactionIsAllOrNothing() throws Exception {
    Path script = Files.writeString(home.resolve("report.sql"), String.join("\n",
        "CREATE TABLE main.:name AS SELECT symbol FROM trades WHERE symbol = :'symbol';",
        "SELECT count(*) AS n FROM main.:name;",
        "SELECT * FROM main.no_such_table;"));
    Launcher.Run atomic = Launcher.run(home, "run", script.toString(), "-v", "name=atomic", "-v", "symbol=x' OR '1'='1",
        "--single-transaction");
    assertThat(atomic.exitCode()).isNotZero();
    assertThat(atomic.err()).contains("statement 3").contains("no_such_table");
    assertThat(ok("query", "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'atomic'", "--format", "csv")
        .out()).isEqualTo("n\n0\n");

    Launcher.Run plain = Launcher.run(home, "run", script.toString(), "-v", "name=plain", "-v", "symbol=x' OR '1'='1",
        "--format", "csv");
    assertThat(plain.exitCode()).isNotZero();
    // Kept (no --single-transaction), and empty: the quoted value matched nothing, it was a value, not SQL.
    assertThat(ok("query", "SELECT count(*) AS n FROM main.plain", "--format", "csv").out()).isEqualTo("n\n0\n");
  }

  @Test
  void theHomeOwnersCliNeedsNoPasswordOnceAUserExistsAndATakenPortIsNamed() throws Exception {
    assertThat(Launcher.run(home, "secret\n", Map.of(), "user", "add", "alice", "--role", "analyst").exitCode()).isZero();
    PlatformHome platform = new PlatformHome(home);
    PlatformConfig config = PlatformConfig.load(platform.configFile(), Map.of());
    GatewayServer gateway = GatewayServer.forHome(platform, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    try {
      int port = gateway.start().getPort();
      GatewayEndpointFile.write(platform, ProcessHandle.current().pid(), "127.0.0.1", port);
      // The gateway holds the warehouse: the CLI must go through it, and over TCP it would need alice's password.
      assertThat(ok("query", "SELECT count(*) AS n FROM trades", "--format", "csv").out()).isEqualTo("n\n2\n");
      Launcher.Run tcp = Launcher.run(home, "", Map.of("ANALYTICS_USER", "alice", "ANALYTICS_PASSWORD", "wrong"),
          "query", "SELECT 1");
      assertThat(tcp.exitCode()).isNotZero();
      assertThat(tcp.err()).contains("password");
    } finally {
      GatewayEndpointFile.delete(platform);
      gateway.shutdown(1_000);
    }
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Launcher.Run serve = Launcher.run(home, "serve", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(serve.exitCode()).isNotZero();
      assertThat(serve.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void theExampleMigrationsRunOnAHomeWithoutTheDemoData() throws Exception {
    assertThat(ok("migrate").out()).contains("2 applied");
  }

  @Test
  void initWithTlsStoresPathsRelativeToTheHome() throws Exception {
    Path other = Files.createDirectories(home.resolve("elsewhere"));
    assertThat(Launcher.run(other, "init", "--tls").exitCode()).isZero();
    assertThat(Files.readString(other.resolve("config/platform.json")))
        .contains("\"certificateFile\" : \"config/tls/server.crt\"").doesNotContain(other.toString());
  }

  private static Launcher.Run ok(String... args) throws Exception {
    Launcher.Run run = Launcher.run(home, args);
    assertThat(run.exitCode()).as("./analytics %s: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }
}
