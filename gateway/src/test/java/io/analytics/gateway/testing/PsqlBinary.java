package io.analytics.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the psql client is, for the tests that drive it; null when it is not installed. */
public final class PsqlBinary {
  private PsqlBinary() {}

  public static Path find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "psql");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Runs psql's commands ({@code -c}, in order, one session) against a gateway as {@code user}, with
   * unaligned tuples-only output ({@code -X -A -t}), stopping at the first error.
   *
   * @return the exit code and everything psql printed (stdout and stderr together)
   */
  public static Result unaligned(TestGateway gateway, String user, String... commands) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(find().toString(), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        "-h", gateway.host(), "-p", Integer.toString(gateway.port()), "-U", user, "-d", "lake"));
    for (String each : commands) {
      command.add("-c");
      command.add(each);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("psql did not finish: " + out);
    }
    return new Result(process.exitValue(), out);
  }

  /** What one psql run printed, and how it exited. */
  public record Result(int exitCode, String out) {}

  /**
   * Runs a script on psql's standard input ({@code -X -f -}, plus {@code options}) against any server,
   * and returns everything psql printed (stdout and stderr together): to compare a gateway's output
   * with a real PostgreSQL's.
   */
  public static String script(String host, int port, String user, String database, String password, String script,
      String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(find().toString(), "-X"));
    command.addAll(List.of(options));
    command.addAll(List.of("-h", host, "-p", Integer.toString(port), "-U", user, "-d", database, "-f", "-"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password);
    Process process = builder.start();
    process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("psql did not finish: " + out);
    }
    return out;
  }
}
