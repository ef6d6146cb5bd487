package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeChangeMarker;
import io.analytics.engine.catalog.TableCatalog;
import io.analytics.engine.catalog.TableInfo;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.SourceFreshness;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.engine.warehouse.WarehouseConnector;
import io.analytics.gateway.progress.Sizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics status}: layers and datasets with sizes and rows, the warehouse, the gateway and the Postgres sources. */
@Command(name = "status", description = "Show layers, datasets (rows, size), the warehouse, a running gateway and Postgres sources.")
public final class StatusCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PlatformHome home = parent.home();
    PlatformConfig config = parent.config();
    out.println("home: " + home.root());
    out.println("lake version: " + new LakeChangeMarker(home).version());
    List<TableInfo> tables = new TableCatalog(home, config).lakeTables();
    for (Layer layer : Layer.values()) {
      List<TableInfo> inLayer = tables.stream().filter(t -> layer.schemaName().equals(t.layer())).toList();
      long bytes = inLayer.stream().mapToLong(TableInfo::bytes).sum();
      out.println(layer.schemaName() + ": " + inLayer.size() + " datasets, " + (bytes == 0 ? "0 B" : Sizes.human(bytes)));
      for (TableInfo table : inLayer) {
        out.println("  " + table.name() + ": " + table.rows() + " rows, " + Sizes.human(table.bytes()) + " in "
            + table.files() + " files" + (table.partitionColumns().isEmpty() ? "" : ", partitioned by "
            + String.join(",", table.partitionColumns())));
      }
    }
    out.println("warehouse: " + (Files.exists(home.warehouseFile())
        ? home.warehouseFile() + " (" + Sizes.human(Files.size(home.warehouseFile())) + ")"
        : "not created yet"));
    Optional<GatewayEndpointFile> gateway = GatewayEndpointFile.read(home);
    out.println("gateway: " + gateway.map(g -> "serving on " + g.host() + ":" + g.port() + " (pid " + g.pid() + ")")
        .orElse("not running"));
    if (config.sources().isEmpty()) {
      out.println("postgres sources: no sources configured");
    } else {
      out.println("postgres sources:");
      try (WarehouseLook look = WarehouseLook.open(home, config)) {
        for (PostgresSourceConfig source : config.sources()) {
          out.println("  " + source.name() + " " + source.user() + "@" + source.host() + ":" + source.port() + "/"
              + source.database() + (source.readOnly() ? " (read-only)" : "") + ": " + reachability(source));
          List<String> freshness = look.connection() == null ? List.of(look.unavailable())
              : SourceFreshness.describe(look.connection(), source.name());
          freshness.forEach(line -> out.println("    " + line));
        }
      }
    }
    out.flush();
    return 0;
  }

  /**
   * A short look at the warehouse for the sources' freshness: through the running gateway, else the
   * file opened read-only; when neither works, why.
   */
  private record WarehouseLook(Connection connection, AutoCloseable owner, String unavailable) implements AutoCloseable {
    static WarehouseLook open(PlatformHome home, PlatformConfig config) {
      if (GatewayEndpointFile.read(home).isPresent()) {
        WarehouseConnection viaGateway = new WarehouseConnector(home, config, System.getenv()).open();
        return new WarehouseLook(viaGateway.jdbc(), viaGateway, null);
      }
      if (!Files.exists(home.warehouseFile())) {
        return new WarehouseLook(null, null, "never synced (run analytics sync)");
      }
      try {
        DuckDbDatabase database = DuckDbDatabase.openWarehouseReadOnly(home, config.duckdb());
        return new WarehouseLook(database.connect(), database, null);
      } catch (PlatformException e) {
        return new WarehouseLook(null, null, "freshness unknown: " + e.getMessage());
      }
    }

    @Override
    public void close() {
      try {
        if (connection != null) {
          connection.close();
        }
        if (owner != null) {
          owner.close();
        }
      } catch (Exception e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot close the warehouse: " + e.getMessage(), e);
      }
    }
  }

  /** "reachable", or why not, after a connection attempt of at most about 2 seconds. */
  static String reachability(PostgresSourceConfig source) {
    Properties properties = new Properties();
    properties.setProperty("user", source.user());
    if (source.password() != null) {
      properties.setProperty("password", source.password());
    }
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("loginTimeout", "2");
    properties.setProperty("socketTimeout", "2");
    try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), properties)) {
      return connection.isValid(2) ? "reachable" : "not reachable";
    } catch (SQLException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return "not reachable (" + message.lines().findFirst().orElse(message) + ")";
    }
  }
}
