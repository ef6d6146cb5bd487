package io.analytics.engine.warehouse;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.SearchPathConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.LakeViews;
import io.analytics.engine.replica.ReplicaFeed;
import io.analytics.engine.replica.SnapshotPublisher;
import io.analytics.engine.duckdb.SqlIdentifiers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides how a CLI command reaches the warehouse. DuckDB lets one process open the file for
 * writing, so when a gateway serves the home (its {@code warehouse/gateway.json} names a live
 * process) the SQL goes through the gateway with pgjdbc; otherwise the file is opened directly, with
 * the lake's views refreshed. A lock held by a gateway that is just starting, or by another
 * command, is waited out, never reported as a lock error.
 */
public final class WarehouseConnector {
  private static final long LOCK_WAIT_MILLIS = 60_000;
  private static final long RETRY_MILLIS = 200;

  private final PlatformHome home;
  private final PlatformConfig config;
  private final Map<String, String> env;

  public WarehouseConnector(PlatformHome home, PlatformConfig config, Map<String, String> env) {
    this.home = requireNonNull(home, "home is null");
    this.config = requireNonNull(config, "config is null");
    this.env = Map.copyOf(requireNonNull(env, "env is null"));
  }

  /** The running gateway of the home, if any. */
  public Optional<GatewayEndpointFile> gateway() {
    return GatewayEndpointFile.read(home);
  }

  public WarehouseConnection open() {
    long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
    while (true) {
      Optional<GatewayEndpointFile> gateway = gateway();
      if (gateway.isPresent()) {
        return throughGateway(gateway.get());
      }
      try {
        return direct();
      } catch (PlatformException e) {
        if (e.sqlState() != SqlState.LOCK_NOT_AVAILABLE || System.currentTimeMillis() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException(SqlState.QUERY_CANCELED, "interrupted while waiting for the warehouse", e);
      }
    }
  }

  private WarehouseConnection throughGateway(GatewayEndpointFile gateway) {
    Properties properties = new Properties();
    properties.setProperty("user", firstNonBlank(env.get("ANALYTICS_USER"), env.get("PGUSER"), "analytics"));
    String password = firstNonBlank(env.get("ANALYTICS_PASSWORD"), env.get("PGPASSWORD"), null);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("ApplicationName", "analytics-cli");
    // Without a password, the home's owner gets in through the gateway's Unix-domain socket (peer credentials).
    java.nio.file.Path socket = home.root().resolve("run").resolve(".s.PGSQL." + gateway.port());
    boolean viaSocket = password == null && java.nio.file.Files.exists(socket);
    if (viaSocket) {
      properties.setProperty("socketFactory", UnixSocketFactory.class.getName());
      properties.setProperty("socketFactoryArg", socket.toString());
    }
    String url = gateway.jdbcUrl(firstNonBlank(env.get("PGDATABASE"), "analytics", null));
    try {
      Connection connection = DriverManager.getConnection(url, properties);
      return new WarehouseConnection(connection, null,
          "gateway at " + gateway.host() + ":" + gateway.port() + (viaSocket ? " (through its socket " + socket + ")" : ""));
    } catch (SQLException e) {
      throw new PlatformException(
          SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
          "a gateway serves this home (pid " + gateway.pid() + ") but cannot be reached at "
              + (viaSocket ? socket : url) + ": " + e.getMessage(),
          null,
          "log in with ANALYTICS_USER and ANALYTICS_PASSWORD (or PGUSER and PGPASSWORD), or run the command as the home's"
              + " OS owner, who needs no password through the gateway's socket " + socket,
          0,
          e);
    }
  }

  private WarehouseConnection direct() {
    DuckDbDatabase database = DuckDbDatabase.openWarehouse(home, config.duckdb());
    try {
      new LakeViews(database, new LakeScanner(home)).refresh();
      // With no gateway serving, the command holds the warehouse: if it changed it, it publishes
      // the snapshot running read replicas wait for.
      ReplicaFeed replicas = new ReplicaFeed(
          home, new SnapshotPublisher(home, database, home.snapshotsDir()), config.gateway().replication());
      WarehouseConnection connection = new WarehouseConnection(
          database.connect(), database, "warehouse file " + home.warehouseFile(), () -> publishFor(replicas));
      connection.execute(searchPathStatement(connection));
      return connection;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Unqualified names resolve as in a gateway session of the home's owner (role admin): through
   * the configured search path, leaving out schemas that do not exist.
   */
  private String searchPathStatement(WarehouseConnection connection) {
    List<List<String>> existing = connection.queryStrings(
        "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database()");
    List<String> schemas = new ArrayList<>();
    for (String schema : SearchPathConfig.duckDbSchemas(config.searchPath().forRole("admin"))) {
      if (existing.contains(List.of(schema))) {
        schemas.add(schema);
      }
    }
    return "SET search_path = " + SqlIdentifiers.literal(String.join(",", schemas.isEmpty() ? List.of("main") : schemas));
  }

  private static void publishFor(ReplicaFeed replicas) {
    try {
      replicas.update();
    } catch (PlatformException e) {
      throw new PlatformException(e.sqlState(),
          "the command's work is done, but no snapshot could be published for the read replicas: " + e.getMessage(), e);
    }
  }

  private static String firstNonBlank(String a, String b, String c) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    if (b != null && !b.isBlank()) {
      return b;
    }
    return c;
  }
}
