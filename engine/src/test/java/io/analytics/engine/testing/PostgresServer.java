package io.analytics.engine.testing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import io.analytics.engine.postgres.LocalPostgresCluster;
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
        shared = startNew(List.of());
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
    return startDedicated(List.of());
  }

  /** A server of its own with logical replication on ({@code wal_level=logical}, wal senders and slots). */
  public static PostgresServer startLogical() {
    return startDedicated(List.of("wal_level=logical", "max_wal_senders=8", "max_replication_slots=8"));
  }

  /** A server of its own started with {@code settings} ({@code name=value}); the caller closes it. */
  public static PostgresServer startDedicated(List<String> settings) {
    try {
      PostgresServer server = startNew(settings);
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

  private static PostgresServer startNew(List<String> settings) {
    List<String> reasons = new ArrayList<>();
    if (dockerAvailable(reasons)) {
      return new PostgresServer(ContainerBackend.start(settings));
    }
    Optional<Path> bin = LocalBackend.findBinaries();
    if (bin.isPresent()) {
      return new PostgresServer(LocalBackend.start(bin.get(), settings));
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

    static ContainerBackend start(List<String> settings) {
      PostgreSQLContainer container =
          new PostgreSQLContainer("postgres:16-alpine").withUsername(USER).withPassword(PASSWORD);
      if (!settings.isEmpty()) {
        List<String> command = new ArrayList<>(List.of("postgres", "-c", "fsync=off"));
        settings.forEach(setting -> command.addAll(List.of("-c", setting)));
        container.withCommand(command.toArray(String[]::new));
      }
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

  /** A cluster from the local binaries ({@link LocalPostgresCluster}). */
  private static final class LocalBackend implements Backend {
    private final LocalPostgresCluster cluster;

    private LocalBackend(LocalPostgresCluster cluster) {
      this.cluster = cluster;
    }

    static Optional<Path> findBinaries() {
      return LocalPostgresCluster.findBinaries();
    }

    static LocalBackend start(Path bin, List<String> settings) {
      return new LocalBackend(LocalPostgresCluster.start(bin, settings));
    }

    @Override
    public String host() {
      return cluster.host();
    }

    @Override
    public int port() {
      return cluster.port();
    }

    @Override
    public String description() {
      return cluster.description();
    }

    @Override
    public void suspend() {
      cluster.suspend();
    }

    @Override
    public void resume() {
      cluster.resume();
    }

    @Override
    public void close() {
      cluster.close();
    }
  }
}
