package io.analytics.gateway.bench;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.postgres.LocalPostgresCluster;
import io.analytics.gateway.server.GatewayServer;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analytics bench}: the same trades in PostgreSQL (from the local binaries, when present), in
 * the gateway's lake, and in DuckDB in process; each workload run against each in alternation after
 * a warm-up; medians and ratios written as Markdown, CSV and an SVG chart.
 */
@Command(name = "bench", description = "Benchmark the gateway against PostgreSQL and in-process DuckDB on the same data.")
public final class BenchCommand implements Callable<Integer> {
  static final String POSTGRES = "PostgreSQL";
  static final String GATEWAY = "gateway";
  static final String DUCKDB = "DuckDB in-process";
  private static final int ACCOUNT_ROWS = 100_000;

  @Spec CommandSpec spec;

  @Option(names = "--rows", description = "Trades rows (default 10,000,000; 1,000,000 with --quick).")
  Long rows;

  @Option(names = "--quick", description = "1,000,000 rows and 3 repetitions.")
  boolean quick;

  @Option(names = "--repetitions", description = "Measured runs per workload and target (default 5; 3 with --quick).")
  Integer repetitions;

  @Option(names = "--out", description = "Directory for results.md, results.csv and results.svg (default bench-results).")
  Path out = Path.of("bench-results");

  @Option(names = "--skip-capacity", description = "Do not measure idle connections, concurrency and slow-client streaming.")
  boolean skipCapacity;

  @Option(names = "--freshness-commits", description = "Source commits timed per path for the freshness table (default 60).")
  int freshnessCommits = FreshnessBench.COMMITS;

  @Option(names = "--skip-postgres", description = "Do not start PostgreSQL even if its binaries are installed.")
  boolean skipPostgres;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    long rowCount = rows != null ? rows : quick ? 1_000_000L : 10_000_000L;
    int runs = repetitions != null ? repetitions : quick ? 3 : 5;
    Path work = Files.createDirectories(out.toAbsolutePath()).resolve("work");
    deleteRecursively(work);
    PlatformHome home = new PlatformHome(work.resolve("home"));
    home.ensureLayout();
    console.printf("generating %,d trades...%n", rowCount);
    console.flush();
    Path csv = BenchData.write(rowCount, home.dataDir().resolve("bronze").resolve("trades"), work.resolve("trades.csv"));

    List<BenchTarget> targets = new ArrayList<>();
    LocalPostgresCluster postgres = null;
    GatewayServer gateway = null;
    try {
      Optional<Path> binaries = skipPostgres ? Optional.empty() : LocalPostgresCluster.findBinaries();
      if (binaries.isPresent()) {
        console.println("starting PostgreSQL from " + binaries.get() + " and loading the trades...");
        console.flush();
        postgres = LocalPostgresCluster.start(binaries.get());
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres";
        loadPostgres(url, csv);
        targets.add(new PgWireTarget(POSTGRES, url, LocalPostgresCluster.USER, "trades", "accounts", ACCOUNT_ROWS));
      } else {
        console.println("PostgreSQL skipped: " + (skipPostgres ? "--skip-postgres" : "no PostgreSQL binaries found"));
      }
      PlatformConfig config = PlatformConfig.defaults();
      gateway = GatewayServer.forHome(home, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
      InetSocketAddress address = gateway.start();
      String gatewayUrl = "jdbc:postgresql://127.0.0.1:" + address.getPort() + "/lake";
      prepareGateway(gatewayUrl);
      targets.add(new PgWireTarget(GATEWAY, gatewayUrl, "bench", "bronze.trades", "accounts", ACCOUNT_ROWS));
      targets.add(new DuckDbTarget(home.dataDir().resolve("bronze/trades/**/*.parquet"), ACCOUNT_ROWS));

      BenchResults results = new BenchResults(targets.stream().map(BenchTarget::name).toList());
      for (Workload workload : Workload.all()) {
        console.printf("%s: warm-up", workload.description());
        console.flush();
        for (BenchTarget target : targets) {
          target.run(workload);
        }
        List<BenchTarget> order = new ArrayList<>(targets);
        for (int run = 0; run < runs; run++) {
          // Alternate the order so that no target always runs on a warmer or colder machine.
          Collections.rotate(order, 1);
          for (BenchTarget target : order) {
            results.record(workload, target.name(), target.run(workload));
          }
          console.print(".");
          console.flush();
        }
        console.println();
      }
      if (!skipCapacity) {
        // The capacity figures need the gateway alone in its process, and the home to itself.
        gateway.shutdown(1_000);
        gateway = null;
        console.println("capacity: idle connections, concurrent sessions, a slow client (gateway process, heap capped at "
            + CapacityBench.MAX_HEAP + ")...");
        console.flush();
        try (GatewayProcess process = GatewayProcess.start(home.root(), CapacityBench.MAX_HEAP, work.resolve("capacity-gateway.log"))) {
          results.capacity(new CapacityBench(process, "bronze.trades").runAll(rowCount * 10));
        }
      }
      if (binaries.isPresent()) {
        console.println("source freshness: commit at PostgreSQL to visible on the gateway, change capture and polling...");
        console.flush();
        results.freshness(new FreshnessBench(binaries.get(), work, freshnessCommits).runAll());
      }
      String header = String.format("## Benchmark: %,d trades rows, %d runs each, %d cores, %s", rowCount, runs,
          Runtime.getRuntime().availableProcessors(), LocalDate.now());
      results.write(out, header);
      console.println(results.markdown(header));
      console.println("written: " + out.resolve("results.md") + ", results.csv, results.svg");
      console.flush();
      return 0;
    } finally {
      for (BenchTarget target : targets) {
        target.close();
      }
      if (gateway != null) {
        gateway.shutdown(1_000);
      }
      if (postgres != null) {
        postgres.close();
      }
      deleteRecursively(work);
    }
  }

  private static void loadPostgres(String url, Path csv) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", LocalPostgresCluster.USER);
    try (Connection connection = DriverManager.getConnection(url, properties); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE trades (" + BenchData.POSTGRES_COLUMNS + ")");
      try (Reader reader = Files.newBufferedReader(csv)) {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY trades FROM STDIN (FORMAT csv)", reader);
      }
      for (String sql : BenchData.postgresAccounts(ACCOUNT_ROWS)) {
        statement.execute(sql);
      }
      statement.execute("VACUUM ANALYZE");
    }
  }

  private static void prepareGateway(String url) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", "bench");
    try (Connection connection = DriverManager.getConnection(url, properties); Statement statement = connection.createStatement()) {
      for (String sql : BenchData.duckDbAccounts(ACCOUNT_ROWS)) {
        statement.execute(sql);
      }
    }
  }

  private static void deleteRecursively(Path path) throws java.io.IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var files = Files.walk(path)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
