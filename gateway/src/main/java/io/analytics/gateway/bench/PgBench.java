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
    Path file = Files.createTempFile(Files.createDirectories(scratch), "pgbench-", ".sql");
    try {
      Files.writeString(file, script);
      List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", workload.mode().argument,
          "-c", Integer.toString(workload.clients()), "-j", Integer.toString(Math.min(workload.clients(), 2)),
          "-T", Integer.toString(seconds), "-f", file.toString(),
          "-h", endpoint.host(), "-p", Integer.toString(endpoint.port()), "-U", endpoint.user(), endpoint.database()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("pgbench did not finish: " + String.join(" ", command));
      }
      String text = new String(output, StandardCharsets.UTF_8);
      Matcher tps = TPS.matcher(text);
      if (process.exitValue() != 0 || !tps.find()) {
        throw new IOException("pgbench failed (exit " + process.exitValue() + ") against " + endpoint.jdbcUrl() + ":\n" + text);
      }
      return Math.round(1e9 / Double.parseDouble(tps.group(1)));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
