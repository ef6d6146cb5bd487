package io.analytics.catalog.home;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The platform root on disk: {@code data/<layer>/}, {@code warehouse/warehouse.duckdb}, {@code
 * sql/{views,materializations,migrations}/} and {@code config/platform.json}.
 */
public record PlatformHome(Path root) {
  public PlatformHome {
    requireNonNull(root, "root is null");
    root = root.toAbsolutePath().normalize();
  }

  public Path dataDir() {
    return root.resolve("data");
  }

  public Path layerDir(Layer layer) {
    return dataDir().resolve(layer.schemaName());
  }

  public Path warehouseDir() {
    return root.resolve("warehouse");
  }

  public Path warehouseFile() {
    return warehouseDir().resolve("warehouse.duckdb");
  }

  public Path sqlDir() {
    return root.resolve("sql");
  }

  public Path viewsDir() {
    return sqlDir().resolve("views");
  }

  public Path materializationsDir() {
    return sqlDir().resolve("materializations");
  }

  public Path migrationsDir() {
    return sqlDir().resolve("migrations");
  }

  public Path configDir() {
    return root.resolve("config");
  }

  public Path configFile() {
    return configDir().resolve("platform.json");
  }

  /**
   * Where pipelines write files before committing them by renaming into a dataset folder; its name
   * starts with '.', so scanners and views never see it.
   */
  public Path stagingDir() {
    return dataDir().resolve(".staging");
  }

  /** The counter bumped after every commit to the lake, read by gateways to know when to re-scan. */
  public Path lakeVersionFile() {
    return dataDir().resolve(".lake-version");
  }

  /** Written by a serving gateway ({@code {"pid":…,"host":…,"port":…}}), deleted when it stops. */
  public Path gatewayEndpointFile() {
    return warehouseDir().resolve("gateway.json");
  }

  /**
   * Read-only copies of the warehouse that the writing gateway publishes for read replicas
   * ({@code snapshot-<n>.duckdb}), and the pointer to the current one ({@code current.json}).
   */
  public Path snapshotsDir() {
    return warehouseDir().resolve("snapshots");
  }

  /** One lease file per running read replica, renewed while it runs; the writer publishes only while one is fresh. */
  public Path replicasDir() {
    return warehouseDir().resolve("replicas");
  }

  /** Where DuckDB spills to disk when a query outgrows its memory limit. */
  public Path tempDir() {
    return warehouseDir().resolve("tmp");
  }

  /** Creates every folder of the layout; safe to call on an existing home. */
  public void ensureLayout() {
    try {
      for (Layer layer : Layer.values()) {
        Files.createDirectories(layerDir(layer));
      }
      Files.createDirectories(warehouseDir());
      Files.createDirectories(viewsDir());
      Files.createDirectories(materializationsDir());
      Files.createDirectories(migrationsDir());
      Files.createDirectories(configDir());
      HomePermissions.restrict(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the platform layout under " + root, e);
    }
  }
}
