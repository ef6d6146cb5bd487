package io.analytics.engine.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for integration tests: a Testcontainers container when a Docker engine
 * answers, otherwise a throwaway cluster made with the local binaries ({@code initdb} and {@code
 * pg_ctl} on a free port, in a temporary directory that is deleted afterwards). When neither exists
 * the calling test is skipped with a printed reason. {@link #shared()} is one server per test JVM;
 * {@link #startDedicated()} gives a test its own (for stopping and restarting it).
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private static PostgresServer shared;
  private static String unavailableReason;

  private final Backend backend;

  private PostgresServer(Backend backend) {
    this.backend = requireNonNull(backend, "backend is null");
  }

  /** The server shared by every test of this JVM, started on first use and stopped at exit. */
  public static synchronized PostgresServer shared() {
    if (shared == null && unavailableReason == null) {
      try {
        shared = startNew();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-server-stop"));
      } catch (Unavailable e) {
        unavailableReason = e.getMessage();
      }
    }
    skipIfUnavailable();
    return shared;
  }

  /** A server of its own for one test class; the caller closes it. */
  public static PostgresServer startDedicated() {
    try {
      PostgresServer server = startNew();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-server-stop"));
      return server;
    } catch (Unavailable e) {
      String reason = e.getMessage();
      System.out.println("SKIPPED: no PostgreSQL for integration tests: " + reason);
      Assumptions.abort("no PostgreSQL for integration tests: " + reason);
      throw new AssertionError("unreachable");
    }
  }

  private static void skipIfUnavailable() {
    if (unavailableReason != null) {
      System.out.println("SKIPPED: no PostgreSQL for integration tests: " + unavailableReason);
      Assumptions.abort("no PostgreSQL for integration tests: " + unavailableReason);
    }
  }

  private static PostgresServer startNew() {
    List<String> reasons = new ArrayList<>();
    if (dockerAvailable(reasons)) {
      return new PostgresServer(ContainerBackend.start());
    }
    Optional<Path> bin = LocalBackend.findBinaries();
    if (bin.isPresent()) {
      return new PostgresServer(LocalBackend.start(bin.get()));
    }
    reasons.add("no PostgreSQL binaries (pg_config --bindir, /usr/lib/postgresql/*/bin)");
    throw new Unavailable(String.join("; ", reasons));
  }

  private static boolean dockerAvailable(List<String> reasons) {
    if ("false".equalsIgnoreCase(System.getProperty("tests.docker", System.getenv("TESTS_DOCKER")))) {
      reasons.add("Docker disabled by tests.docker=false");
      return false;
    }
    try {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return true;
      }
      reasons.add("no Docker engine");
    } catch (RuntimeException | LinkageError e) {
      reasons.add("no Docker engine (" + e.getMessage() + ")");
    }
    return false;
  }

  public String host() {
    return backend.host();
  }

  public int port() {
    return backend.port();
  }

  /** Which kind of server this is, for test output ("container postgres:16" or "local binaries ..."). */
  public String description() {
    return backend.description();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  /** A {@code postgresql://} URL as {@code analytics attach} takes it. */
  public String url(String database) {
    return "postgresql://" + USER + ":" + PASSWORD + "@" + host() + ":" + port() + "/" + database;
  }

  /** A superuser connection to {@code database}; the caller closes it. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  /** Creates a fresh database (dropping one of the same name first) and returns its name. */
  public String createDatabase(String name) {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      statement.execute("CREATE DATABASE \"" + name + "\"");
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Runs statements in {@code database}, each in its own autocommit transaction. */
  public void execute(String database, String... statements) {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
    }
  }

  /** Stops the server (connections are then refused) keeping its data and port; see {@link #resume()}. */
  public void suspend() {
    backend.suspend();
  }

  /** Starts a suspended server again on the same port. */
  public void resume() {
    backend.resume();
  }

  @Override
  public void close() {
    backend.close();
  }

  private interface Backend extends AutoCloseable {
    String host();

    int port();

    String description();

    void suspend();

    void resume();

    @Override
    void close();
  }

  private static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  private static final class ContainerBackend implements Backend {
    private final PostgreSQLContainer container;

    private ContainerBackend(PostgreSQLContainer container) {
      this.container = container;
    }

    static ContainerBackend start() {
      PostgreSQLContainer container =
          new PostgreSQLContainer("postgres:16-alpine").withUsername(USER).withPassword(PASSWORD);
      container.start();
      return new ContainerBackend(container);
    }

    @Override
    public String host() {
      return container.getHost();
    }

    @Override
    public int port() {
      return container.getMappedPort(5432);
    }

    @Override
    public String description() {
      return "container " + container.getDockerImageName();
    }

    @Override
    public void suspend() {
      container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void resume() {
      container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
      container.stop();
    }
  }

  /** A cluster made with initdb in a temp dir; as root, the binaries run as the postgres user. */
  private static final class LocalBackend implements Backend {
    private final Path bin;
    private final Path root;
    private final int port;
    private boolean running;

    private LocalBackend(Path bin, Path root, int port) {
      this.bin = bin;
      this.root = root;
      this.port = port;
    }

    static Optional<Path> findBinaries() {
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

    static LocalBackend start(Path bin) {
      try {
        Path root = Files.createTempDirectory("pgtest");
        if (isRoot()) {
          // initdb refuses to run as root: hand the directory to the postgres user and run as it.
          UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
          Files.setOwner(root, owner);
        }
        LocalBackend backend = new LocalBackend(bin, root, freePort());
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

    @Override
    public String host() {
      return "127.0.0.1";
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public String description() {
      return "local binaries " + bin + " on port " + port;
    }

    @Override
    public synchronized void suspend() {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"), 60);
      running = false;
    }

    @Override
    public synchronized void resume() {
      String options = "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off"
          + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
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
}
