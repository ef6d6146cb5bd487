package io.analytics.gateway.bench;

import io.analytics.gateway.progress.TerminalProgress;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.postgres.LocalPostgresCluster;
import io.analytics.gateway.server.GatewayServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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

  @Spec CommandSpec spec;

  @Option(names = "--rows", description = "Trades rows (default 10,000,000; 1,000,000 with --quick).")
  Long rows;

  @Option(names = "--quick", description = "1,000,000 rows, 3 repetitions, 2-second pgbench runs at scale 1.")
  boolean quick;

  @Option(names = "--repetitions", description = "Measured runs per workload and target (default 5; 3 with --quick).")
  Integer repetitions;

  @Option(names = "--pgbench-seconds", description = "Length of each pgbench run (default 5; 2 with --quick).")
  Integer pgbenchSeconds;

  @Option(names = "--pgbench-scale", description = "pgbench's scale: 100,000 accounts each (default 10; 1 with --quick).")
  Integer pgbenchScale;

  @Option(names = "--ingest-rows", description = "CSV rows of the ingest workload (default 1,000,000, at most --rows).")
  Long ingestRows;

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
    int scale = pgbenchScale != null ? pgbenchScale : quick ? 1 : 10;
    int seconds = pgbenchSeconds != null ? pgbenchSeconds : quick ? 2 : 5;
    long smallLookup = Math.min(BenchData.SMALL_LOOKUP_ROWS, rowCount);
    Path work = Files.createDirectories(out.toAbsolutePath()).resolve("work");
    deleteRecursively(work);
    PlatformHome home = new PlatformHome(work.resolve("home"));
    home.ensureLayout();
    console.printf("generating %,d trades...%n", rowCount);
    console.flush();
    Path csv = BenchData.write(rowCount, home.dataDir().resolve("bronze").resolve("trades"), work.resolve("trades.csv"));
    Path ingestCsv = BenchData.writeIngestCsv(Math.min(ingestRows != null ? ingestRows : 1_000_000L, rowCount),
        work.resolve("ingest.csv"));
    Optional<PgBench> pgbench = PgBench.find().map(executable -> new PgBench(executable, seconds, work.resolve("pgbench")));
    if (pgbench.isEmpty()) {
      console.println("pgbench workloads skipped: no pgbench found");
    }

    List<BenchTarget> targets = new ArrayList<>();
    LocalPostgresCluster postgres = null;
    GatewayServer gateway = null;
    try {
      Optional<Path> binaries = skipPostgres ? Optional.empty() : LocalPostgresCluster.findBinaries();
      if (binaries.isPresent()) {
        console.println("starting PostgreSQL from " + binaries.get() + " and loading the trades...");
        console.flush();
        postgres = LocalPostgresCluster.start(binaries.get());
        PgEndpoint endpoint = new PgEndpoint("127.0.0.1", postgres.port(), LocalPostgresCluster.USER, "postgres");
        BenchLoad.postgres(endpoint, csv, scale);
        targets.add(new PgWireTarget(POSTGRES, endpoint, Map.of("trades", "trades", "accounts", "accounts",
            "lookup_large", "lookup_large", "lookup_small", "lookup_small"), pgbench, BenchLoad.postgresIngest(endpoint, ingestCsv)));
      } else {
        console.println("PostgreSQL skipped: " + (skipPostgres ? "--skip-postgres" : "no PostgreSQL binaries found"));
      }
      PlatformConfig config = PlatformConfig.defaults();
      gateway = GatewayServer.forHome(home, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
      InetSocketAddress address = gateway.start();
      PgEndpoint gatewayEndpoint = new PgEndpoint("127.0.0.1", address.getPort(), "bench", "lake");
      BenchLoad.gateway(gatewayEndpoint, scale);
      targets.add(new PgWireTarget(GATEWAY, gatewayEndpoint, Map.of("trades", "bronze.trades", "accounts", "accounts",
          "lookup_large", "gold.lookup_large", "lookup_small", "gold.lookup_small"), pgbench,
          BenchLoad.platformIngest(work, ingestCsv)));
      targets.add(new DuckDbTarget(home.dataDir(), scale, ingestCsv, work, seconds));

      BenchResults results = new BenchResults(targets.stream().map(BenchTarget::name).toList());
      List<Workload> workloads = Workload.all(100_000L * scale, rowCount, smallLookup);
      BenchProgress progress = new BenchProgress(
          io.analytics.gateway.progress.TerminalProgress.of("bench", 0, spec.commandLine().getErr()), workloads.size(), runs);
      for (int i = 0; i < workloads.size(); i++) {
        measure(progress, i, workloads.get(i), targets, runs, results);
      }
      progress.finished();
      results.compare("gold_lookup_large", "gold_lookup_small",
          String.format(java.util.Locale.ROOT, "gold key lookup, %,d rows ÷ %,d rows", rowCount, smallLookup));
      console.println("Iceberg: the ingest workload with and without publishing the lake's Iceberg metadata...");
      console.flush();
      results.iceberg(new IcebergOverheadBench(work, ingestCsv, runs)
          .run(Math.min(ingestRows != null ? ingestRows : 1_000_000L, rowCount)));
      if (!skipCapacity) {
        // The capacity figures need the gateway alone in its process, and the home to itself.
        gateway.shutdown(1_000);
        gateway = null;
        console.println("capacity: idle connections, concurrent sessions, a slow client (gateway process, heap capped at "
            + CapacityBench.MAX_HEAP + ")...");
        console.flush();
        try (GatewayProcess process = GatewayProcess.startWithResidentHeap(cliMainClass(), home.root(), CapacityBench.MAX_HEAP, work.resolve("capacity-gateway.log"))) {
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

  /**
   * A warm-up run on every target, then {@code runs} measured runs in rotating order. A repeated mix
   * first has its cold first pass (every distinct statement once) measured once on every target, a
   * row of its own, so that the warm-up and the runs after it measure the mix repeated.
   */
  private static void measure(BenchProgress progress, int index, Workload workload, List<BenchTarget> targets, int runs,
      BenchResults results) throws Exception {
    progress.warmingUp(index, workload.description());
    if (workload.firstPass().isPresent()) {
      Workload firstPass = workload.firstPass().get();
      for (BenchTarget target : targets) {
        long nanos = target.run(firstPass);
        if (nanos >= 0) {
          results.record(firstPass, target.name(), nanos);
        }
      }
    }
    for (BenchTarget target : targets) {
      target.run(workload);
    }
    List<BenchTarget> order = new ArrayList<>(targets);
    for (int run = 0; run < runs; run++) {
      // Alternate the order so that no target always runs on a warmer or colder machine.
      Collections.rotate(order, 1);
      for (BenchTarget target : order) {
        long nanos = target.run(workload);
        if (nanos >= 0) {
          results.record(workload, target.name(), nanos);
        }
      }
      progress.measured(index, workload.description(), run + 1);
    }
  }

  /** The class of the command line bench runs under (analytics' own), to start a gateway process with. */
  private String cliMainClass() {
    return spec.root().userObject().getClass().getName();
  }

  static void deleteRecursively(Path path) throws java.io.IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var files = Files.walk(path)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
