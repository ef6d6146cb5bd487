package io.analytics.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The Iceberg catalog the lake's datasets are published in: a JDBC catalog, embedded in a SQLite
 * file in the home ({@code iceberg/catalog.db}) or shared in PostgreSQL. Open it for one piece of
 * work and close it: a commit made by another process is seen by the next load of a table.
 */
public final class LakeCatalog implements AutoCloseable {
  /** Other engines must create the catalog's tables with the same schema version. */
  public static final String SCHEMA_VERSION = "V1";

  private final IcebergConfig config;
  private final PlatformHome home;
  private final JdbcCatalog catalog;

  private LakeCatalog(IcebergConfig config, PlatformHome home, JdbcCatalog catalog) {
    this.config = requireNonNull(config, "config is null");
    this.home = requireNonNull(home, "home is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** Opens (creating its tables on first use) the catalog {@code config} names for {@code home}. */
  public static LakeCatalog open(PlatformHome home, IcebergConfig config) {
    Map<String, String> properties = new LinkedHashMap<>(sharedProperties(home, config));
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    if (config.password() != null) {
      properties.put("jdbc.password", config.password());
    }
    if (IcebergConfig.EMBEDDED.equals(config.catalog())) {
      try {
        Files.createDirectories(catalogFile(home).getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + catalogFile(home).getParent(), e);
      }
      // Several processes (the gateway, a CLI ingest) commit to the same file: wait for its lock.
      properties.put("jdbc.busy_timeout", "60000");
    }
    JdbcCatalog catalog = new JdbcCatalog();
    try {
      catalog.initialize(config.name(), properties);
    } catch (RuntimeException e) {
      throw new PlatformException(SqlState.CONNECTION_EXCEPTION,
          "cannot open the Iceberg catalog " + properties.get(CatalogProperties.URI) + ": " + e.getMessage(), e);
    }
    return new LakeCatalog(config, home, catalog);
  }

  /**
   * The catalog properties another engine needs to use this catalog (Spark's
   * {@code spark.sql.catalog.NAME.*}, Trino's {@code iceberg.jdbc-catalog.*}), without the password.
   */
  public static Map<String, String> sharedProperties(PlatformHome home, IcebergConfig config) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("type", "jdbc");
    properties.put(CatalogProperties.URI, uri(home, config));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, LocalFileIO.toLocation(warehouseDir(home)));
    properties.put("jdbc.schema-version", SCHEMA_VERSION);
    if (config.user() != null) {
      properties.put("jdbc.user", config.user());
    }
    return properties;
  }

  /** The JDBC URL of the catalog. */
  public static String uri(PlatformHome home, IcebergConfig config) {
    return IcebergConfig.EMBEDDED.equals(config.catalog()) ? "jdbc:sqlite:" + catalogFile(home) : config.uri();
  }

  /** The embedded catalog's SQLite file. */
  public static Path catalogFile(PlatformHome home) {
    return home.root().resolve("iceberg").resolve("catalog.db");
  }

  /** Where tables created by other engines in this catalog go by default. */
  public static Path warehouseDir(PlatformHome home) {
    return home.root().resolve("iceberg").resolve("warehouse");
  }

  /** Where the metadata of the lake's own tables is written (never inside a dataset folder, which a replace swaps). */
  public static Path metadataDir(PlatformHome home) {
    return home.root().resolve("iceberg").resolve("metadata");
  }

  public JdbcCatalog catalog() {
    return catalog;
  }

  public IcebergConfig config() {
    return config;
  }

  public PlatformHome home() {
    return home;
  }

  /** Creates the namespace unless it exists (another process may create it at the same time). */
  public void ensureNamespace(Namespace namespace) {
    if (!catalog.namespaceExists(namespace)) {
      try {
        catalog.createNamespace(namespace, Map.of("owner", "analytics"));
      } catch (AlreadyExistsException e) {
        // created meanwhile by another process: what we wanted
      }
    }
  }

  @Override
  public void close() {
    catalog.close();
  }
}
