package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.postgres.LocalPostgresCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs PostgreSQL's own {@code pgbench} against a server for a fixed time and reads its throughput:
 * the client PostgreSQL is measured with, so that the gateway is measured by the same yardstick.
 */
final class PgBench {
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  /** A first pass runs until every statement has answered once, however long the cold statements take. */
  private static final long FIRST_PASS_TIMEOUT_SECONDS = 1_800;

  private final Path executable;
  private final int seconds;
  private final Path scratch;

  PgBench(Path executable, int seconds, Path scratch) {
    this.executable = requireNonNull(executable, "executable is null");
    this.seconds = seconds;
    this.scratch = requireNonNull(scratch, "scratch is null");
  }

  /** pgbench beside the PostgreSQL server binaries, or on the PATH; empty when neither has one. */
  static Optional<Path> find() {
    Optional<Path> beside = LocalPostgresCluster.findBinaries().map(bin -> bin.resolve("pgbench")).filter(Files::isExecutable);
    if (beside.isPresent()) {
      return beside;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Runs {@code script} with the workload's clients and protocol mode; returns nanoseconds per transaction (1 / tps). */
  long nanosPerTransaction(PgEndpoint endpoint, Workload workload, String script) throws IOException, InterruptedException {
    double tps = transactionsPerSecond(endpoint, workload, script, List.of("-T", Integer.toString(seconds)), seconds + 120L);
    return Math.round(1e9 / tps);
  }

  /**
   * Sends each distinct statement of {@code script} once, spread over the workload's clients (one
   * transaction each of {@link PgBenchScript#firstPassScript}); returns the nanoseconds of the whole
   * pass divided by the number of statements, comparable with {@link #nanosPerTransaction} of a
   * script of one statement. The pass is the cold start a cache fills on, timed on its own.
   */
  long nanosPerStatementOfFirstPass(PgEndpoint endpoint, Workload workload, String script)
      throws IOException, InterruptedException {
    PgBenchScript parsed = PgBenchScript.parse(script);
    int clients = workload.clients();
    double tps = transactionsPerSecond(endpoint, workload, parsed.firstPassScript(clients), List.of("-t", "1"), FIRST_PASS_TIMEOUT_SECONDS);
    // -t 1: each client runs one transaction, so the pass took clients / tps seconds.
    return Math.round(clients * 1e9 / tps / parsed.distinctStatements());
  }

  private double transactionsPerSecond(PgEndpoint endpoint, Workload workload, String script, List<String> length,
      long timeoutSeconds) throws IOException, InterruptedException {
    Path file = Files.createTempFile(Files.createDirectories(scratch), "pgbench-", ".sql");
    try {
      Files.writeString(file, script);
      List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", workload.mode().argument,
          "-c", Integer.toString(workload.clients()), "-j", Integer.toString(Math.min(workload.clients(), 2))));
      command.addAll(length);
      command.addAll(List.of("-f", file.toString(),
          "-h", endpoint.host(), "-p", Integer.toString(endpoint.port()), "-U", endpoint.user(), endpoint.database()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("pgbench did not finish: " + String.join(" ", command));
      }
      String text = new String(output, StandardCharsets.UTF_8);
      Matcher tps = TPS.matcher(text);
      if (process.exitValue() != 0 || !tps.find()) {
        throw new IOException("pgbench failed (exit " + process.exitValue() + ") against " + endpoint.jdbcUrl() + ":\n" + text);
      }
      return Double.parseDouble(tps.group(1));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
