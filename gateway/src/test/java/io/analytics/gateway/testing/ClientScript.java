package io.analytics.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real client's check script (Python, Node, a shell tool) against a gateway, with the libpq
 * environment variables pointing at it. Scripts print {@code ok: <check>} for each check that
 * passed and exit non-zero at the first that failed, so a test can say which checks must have run.
 */
public final class ClientScript {
  /** Scripts live in gateway/src/test/clients; tests run with the module as working directory. */
  public static final Path CLIENTS = Path.of("src", "test", "clients");

  private ClientScript() {}

  /** The outcome of one run. */
  public record Result(int exitCode, String out, String err) {
    /** The names of the checks the script reported as passed, in order. */
    public List<String> passedChecks() {
      List<String> checks = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (line.startsWith("ok: ")) {
          checks.add(line.substring(4).strip());
        }
      }
      return checks;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  public static Result run(String host, int port, Map<String, String> extraEnvironment, String... command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("PGHOST", host);
    environment.put("PGPORT", Integer.toString(port));
    environment.put("PGUSER", "tester");
    environment.put("PGDATABASE", "lake");
    environment.put("PGAPPNAME", "client-script");
    environment.putAll(extraEnvironment);
    try {
      Path out = Files.createTempFile("client-out", ".txt");
      Path err = Files.createTempFile("client-err", ".txt");
      try {
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("client did not finish in 180 s: " + String.join(" ", command)
              + "\n" + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The first of these interpreters that can import every module, or null (the reason is printed). */
  public static String pythonWith(String... modules) {
    String imports = "import " + String.join(", ", modules);
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process process = new ProcessBuilder(candidate, "-c", imports).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed under this name; try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    System.out.println("SKIPPED: no python3 with " + String.join(", ", modules) + " (.ci/run installs the Debian packages)");
    return null;
  }

  /**
   * Runs a psycopg2 check script (gateway/src/test/clients/python) against the gateway, with
   * REFERENCE_DSN naming a real PostgreSQL to compare with; skips the test when psycopg2 is missing.
   */
  public static Result runPsycopg2ComparedWith(io.analytics.engine.testing.PostgresServer reference, String host, int port, String script) {
    String python = pythonWith("psycopg2");
    org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "python3 with psycopg2 is not installed");
    String dsn = "host=" + reference.host() + " port=" + reference.port() + " user=" + io.analytics.engine.testing.PostgresServer.USER
        + " password=" + io.analytics.engine.testing.PostgresServer.PASSWORD + " dbname=postgres";
    return run(host, port, Map.of("REFERENCE_DSN", dsn), python, CLIENTS.resolve("python").resolve(script).toString());
  }
}
