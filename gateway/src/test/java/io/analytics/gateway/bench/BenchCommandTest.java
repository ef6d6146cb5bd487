package io.analytics.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.postgres.LocalPostgresCluster;
import io.analytics.gateway.cli.AnalyticsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on a tiny data set and writes its table, CSV and chart; no timings are judged here. */
class BenchCommandTest {
  @TempDir Path out;

  @Test
  void tinyRunWritesEveryWorkloadForEveryTarget() throws Exception {
    StringWriter console = new StringWriter();
    StringWriter errors = new StringWriter();
    int code = AnalyticsCli.run(new PrintWriter(console), new PrintWriter(errors),
        "bench", "--rows", "20000", "--repetitions", "1", "--pgbench-seconds", "1", "--pgbench-scale", "1", "--freshness-commits", "2", "--out", out.toString());
    assertThat(code).as("stderr: %s", errors).isZero();
    // Not a terminal: the workloads' progress as plain lines on stderr.
    assertThat(errors.toString()).containsPattern("(?m)^bench: workloads started$")
        .containsPattern("(?m)^bench: workloads done in [0-9.]+ s$");
    String markdown = Files.readString(out.resolve("results.md"));
    // Each repeated mix also reports its cold first pass as a row of its own, just before it.
    java.util.List<Workload> workloads = Workload.all(100_000, 20_000, 10_000).stream()
        .flatMap(w -> java.util.stream.Stream.concat(w.firstPass().stream(), java.util.stream.Stream.of(w))).toList();
    assertThat(workloads).extracting(Workload::kind).contains(Workload.Kind.FIRST_PASS);
    assertThat(markdown.indexOf("dashboard mix, first pass")).isPositive().isLessThan(markdown.indexOf("dashboard mix, 250"));
    for (Workload workload : workloads) {
      assertThat(markdown).contains(workload.description());
    }
    assertThat(markdown).contains("gold key lookup, 20,000 rows ÷ 10,000 rows: ");
    assertThat(markdown).contains("gateway (ms)").contains("DuckDB in-process (ms)").contains("gateway ÷ DuckDB");
    // The capacity figures come from a gateway process of its own: 200 connections held, 8 sessions
    // at once, and ten times the trades (200,000 rows) copied to a throttled client.
    assertThat(markdown).contains("Capacity (the gateway as a process of its own")
        .containsPattern("\\| 200 idle connections \\| -?[0-9.]+ MB resident")
        .containsPattern("\\| 8 concurrent daily-VWAP sessions \\| [0-9]+ ms at once")
        .contains("| 200,000 rows streamed to a slow client | peak heap in use");
    boolean postgres = LocalPostgresCluster.findBinaries().isPresent();
    if (postgres) {
      assertThat(markdown).contains("PostgreSQL (ms)")
          .containsPattern("\\| source commit to visible, change capture \\(logical replication\\) \\| median [0-9]+ ms, p99 [0-9]+ ms")
          .contains("| source commit to visible, polling (syncIntervalSeconds 1) | median");
    }
    long csvRows = Files.readAllLines(out.resolve("results.csv")).size() - 1;
    boolean pgbench = PgBench.find().isPresent();
    long perTarget = workloads.stream().filter(w -> pgbench || (w.kind() != Workload.Kind.PGBENCH && w.kind() != Workload.Kind.FIRST_PASS)).count();
    assertThat(csvRows).isEqualTo(perTarget * (postgres ? 3 : 2));
    assertThat(Files.readString(out.resolve("results.svg"))).startsWith("<svg").contains("<rect");
    assertThat(out.resolve("work")).doesNotExist();
  }
}
