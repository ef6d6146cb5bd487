package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code analytics serve} on a home as a child process, so that the gateway's memory can be measured
 * apart from the benchmark's own clients: resident and peak memory from {@code /proc}, heap in use
 * from the gateway's {@code /metrics}. Fault tests use it to kill a gateway mid-work.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");

  private final Process process;
  private final int port;
  private final int metricsPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GatewayProcess(Process process, int port, int metricsPort) {
    this.process = requireNonNull(process, "process is null");
    this.port = port;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts a gateway on {@code home} with at most {@code maxHeap} of heap (e.g. "256m"); waits until it listens.
   * {@code cliMainClass} is the command line's entry point (the CLI names itself, so bench does not depend on it).
   */
  public static GatewayProcess start(String cliMainClass, Path home, String maxHeap, Path log)
      throws IOException, InterruptedException {
    return start(cliMainClass, home, List.of("-Xmx" + maxHeap), log);
  }

  /**
   * As {@link #start(String, Path, String, Path)}, with the whole heap committed and touched from
   * the start ({@code -Xms} = {@code -Xmx}, {@code AlwaysPreTouch}), for resident-memory deltas: a
   * full collection can then never hand heap pages back to the system between two readings (which
   * made a delta negative), so a delta counts what grew outside the heap; the heap is measured apart.
   */
  public static GatewayProcess startWithResidentHeap(String cliMainClass, Path home, String maxHeap, Path log)
      throws IOException, InterruptedException {
    return start(cliMainClass, home, List.of("-Xmx" + maxHeap, "-Xms" + maxHeap, "-XX:+AlwaysPreTouch"), log);
  }

  private static GatewayProcess start(String cliMainClass, Path home, List<String> heapOptions, Path log)
      throws IOException, InterruptedException {
    int metricsPort = freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
    command.addAll(heapOptions);
    command.addAll(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        cliMainClass, "--home", home.toString(), "serve", "--port", "0",
        "--metrics-port", Integer.toString(metricsPort)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher listening = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (listening.find()) {
        return new GatewayProcess(process, Integer.parseInt(listening.group(1)), metricsPort);
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IOException("the gateway process did not start listening; its log:\n" + Files.readString(log));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/lake";
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Resident memory now (VmRSS), in bytes, or -1 where /proc is not there. */
  long residentBytes() {
    return procStatus("VmRSS");
  }

  /** The most resident memory the process has had (VmHWM), in bytes, or -1 where /proc is not there. */
  long peakResidentBytes() {
    return procStatus("VmHWM");
  }

  /** Heap in use now across all heap pools, as the gateway's /metrics reports it. */
  long heapUsedBytes() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher pools = HEAP_USED.matcher(response.body());
    double used = 0;
    while (pools.find()) {
      used += Double.parseDouble(pools.group(1));
    }
    return (long) used;
  }

  /**
   * Asks the gateway's JVM for a full collection (through {@code jcmd}, where the JDK has it), so
   * that a heap figure counts live objects rather than garbage not yet collected.
   */
  void collectGarbage() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (Files.isExecutable(jcmd)) {
      Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      gc.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private long procStatus(String field) {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** SIGKILL: no shutdown hooks, no cleanup, as a crash or the OOM killer would end it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
