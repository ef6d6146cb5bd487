package io.analytics.gateway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of the CLI in this JVM on a home: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code analytics --home HOME ARGS...}. */
  static CliRun on(Path home, String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    return of(all.toArray(String[]::new));
  }

  /** Runs {@code analytics ARGS...}. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AnalyticsCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
