package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Deterministic trade batches as CSV, and quiet CLI runs on a home, for the lake's fault tests. */
final class TradeBatches {
  private TradeBatches() {}

  /** Batch {@code batch}: {@code rows} trades with ids unique across batches, over 28 days of {@code month} (yyyy-MM). */
  static Path writeCsv(Path home, int batch, int rows, String month) throws Exception {
    Path file = home.resolve("trades-" + batch + ".csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("trade_id,symbol,price,quantity,date\n");
      for (int i = 0; i < rows; i++) {
        long id = (long) batch * rows + i;
        out.write(id + ",SYM" + (i % 50) + "," + (100 + i % 997) / 10.0 + "," + (1 + i % 100) + "," + month + "-"
            + String.format("%02d", 1 + i % 28) + "\n");
      }
    }
    return file;
  }

  /** Runs {@code analytics --home HOME args...}, discarding its output; returns the exit code. */
  static int cli(Path home, String... args) {
    return CliRun.in(home, args).exitCode();
  }

  /** {@code analytics --home HOME args...} as a process of its own on this JVM's class path (for kill -9). */
  static ProcessBuilder cliProcess(Path home, String... args) {
    Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(javaBinary.toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        AnalyticsCli.class.getName(), "--home", home.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }
}
