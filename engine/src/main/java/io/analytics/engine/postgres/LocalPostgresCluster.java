package io.analytics.engine.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the local binaries: initdb in a temp dir, pg_ctl on a free
 * loopback port, deleted on close. As root (initdb refuses to run as root) the binaries run as the
 * postgres user through runuser. Used by the benchmark and the integration tests.
 */
public final class LocalPostgresCluster implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";


  private final Path bin;
  private final Path root;
  private final int port;
  private final List<String> settings;
  private boolean running;

  private LocalPostgresCluster(Path bin, Path root, int port, List<String> settings) {
    this.bin = bin;
    this.root = root;
    this.port = port;
    this.settings = List.copyOf(settings);
  }

  /** The directory of initdb and pg_ctl: pg_config --bindir, else Debian's /usr/lib/postgresql/<newest>/bin. */
  public static Optional<Path> findBinaries() {
    List<Path> candidates = new ArrayList<>();
    try {
      Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.waitFor() == 0 && !out.isEmpty()) {
        candidates.add(Path.of(out));
      }
    } catch (IOException e) {
      // No pg_config on PATH: look in Debian's standard place below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.map(v -> v.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  /** Creates a cluster (superuser {@link #USER}, trust auth) on a free loopback port and starts it. */
  public static LocalPostgresCluster start(Path bin) {
    return start(bin, List.of());
  }

  /**
   * As {@link #start(Path)}, with server settings added to the defaults ({@code wal_level=logical},
   * {@code max_wal_senders=4}, ...: each passed as {@code -c setting}).
   */
  public static LocalPostgresCluster start(Path bin, List<String> settings) {
    try {
      Path root = Files.createTempDirectory("pgtest");
      if (isRoot()) {
        // initdb refuses to run as root: hand the directory to the postgres user and run as it.
        UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(root, owner);
      }
      LocalPostgresCluster backend = new LocalPostgresCluster(bin, root, freePort(), settings);
      Path password = root.resolve("pwfile");
      Files.writeString(password, PASSWORD + "\n");
      if (isRoot()) {
        Files.setOwner(password, Files.getOwner(root));
      }
      backend.run(
          List.of(bin.resolve("initdb").toString(), "-D", backend.data().toString(), "-U", USER, "--pwfile=" + password,
              "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"),
          120);
      backend.resume();
      return backend;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path data() {
    return root.resolve("data");
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  public String description() {
    return "local binaries " + bin + " on port " + port;
  }

  /**
   * Stops the server, keeping its data (a source going down). A clean ("fast") shutdown: the server
   * runs with {@code synchronous_commit=off}, so a crash ({@code -m immediate}) may lose commits
   * that clients already saw (and mirrored) when the WAL writer had not written them yet, and a
   * source that silently forgets rows after coming back is not what the tests mean by "down".
   */
  public synchronized void suspend() {
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
    running = false;
  }

  /** Starts (again) the server. */
  public synchronized void resume() {
    String options = "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        + settings.stream().map(setting -> " -c " + setting).collect(java.util.stream.Collectors.joining());
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-o", options,
        "-l", root.resolve("server.log").toString(), "-w", "-t", "60", "start"), 90);
    running = true;
  }

  @Override
  public synchronized void close() {
    try {
      if (running) {
        suspend();
      }
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // Best effort: the directory is under the system's temp dir.
      }
    }
  }

  private void run(List<String> command, int timeoutSeconds) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + full);
      }
      if (process.exitValue() != 0) {
        String log = Files.exists(root.resolve("server.log")) ? Files.readString(root.resolve("server.log")) : "";
        throw new IllegalStateException(
            "failed (" + process.exitValue() + "): " + full + "\n" + new String(output, StandardCharsets.UTF_8) + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + full, e);
    }
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
