package io.analytics.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.cli.AnalyticsCli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One run of the analytics CLI in-process, usually against a platform home: its exit code and what it printed. */
public record CliRun(String command, int exitCode, String out, String err) {
  /** Runs {@code analytics --home <home> args...}. */
  public static CliRun in(Path home, String... args) {
    return of(withHome(home, args));
  }

  /** Runs {@code analytics --home <home> args...} with {@code stdin} as its standard input (for prompts). */
  public static synchronized CliRun in(Path home, String stdin, String[] args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return in(home, args);
    } finally {
      System.setIn(original);
    }
  }

  /** Runs {@code analytics args...}. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AnalyticsCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(String.join(" ", args), code, out.toString(), err.toString());
  }

  /** This run, after asserting that it exited 0 (the message shows the command and both outputs). */
  public CliRun succeeded() {
    assertThat(exitCode).as("analytics %s%nout: %s%nerr: %s", command, out, err).isZero();
    return this;
  }

  private static String[] withHome(Path home, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }
}
