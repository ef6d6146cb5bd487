package io.analytics.gateway.testing;

import io.analytics.gateway.cli.AnalyticsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the analytics CLI in-process against a platform home: its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {
  /** Runs {@code analytics --home <home> args...}. */
  public static CliRun in(Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = AnalyticsCli.run(new PrintWriter(out), new PrintWriter(err), all);
    return new CliRun(code, out.toString(), err.toString());
  }
}
