package io.analytics.engine.duckdb;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * Owns the one DuckDB database instance of a process (the warehouse file, or an in-memory database)
 * and hands out connections to it: one per session, never shared between threads.
 */
public final class DuckDbDatabase implements AutoCloseable {
  private final DuckDBConnection root;
  private final String description;
  private final WriteOrder writeOrder = new WriteOrder();
  /** 8M characters: some thousands of dashboard statements and their trees, a few tens of MB at most. */
  private final ParseTreeCache parseTrees = new ParseTreeCache(8L << 20);
  private final CatalogChanges catalogChanges = new CatalogChanges();
  private final RegisteredFunctions registeredFunctions = new RegisteredFunctions();

  private DuckDbDatabase(DuckDBConnection root, String description) {
    this.root = root;
    this.description = description;
  }

  /** Opens (creating if needed) {@code warehouse/warehouse.duckdb} under the home. */
  public static DuckDbDatabase openWarehouse(PlatformHome home, DuckDbConfig config) {
    requireNonNull(home, "home is null");
    requireNonNull(config, "config is null");
    home.ensureLayout();
    Path file = home.warehouseFile();
    // The spill folder is not the COPY spool's parent nor the replicas' scratch folders' (all under
    // warehouse/tmp): DuckDB lets an instance read its temp directory, and those belong to others.
    Path temp = config.tempDirectory() != null ? Path.of(config.tempDirectory()) : home.warehouseDir().resolve("spill");
    return open("jdbc:duckdb:" + file, file.toString(), config, temp);
  }

  /** An in-memory database, for tests and throwaway work. */
  public static DuckDbDatabase inMemory(DuckDbConfig config) {
    return open("jdbc:duckdb:", ":memory:", config, null);
  }

  /**
   * An in-memory database that spills to {@code tempDirectory} (or the configured one) when a
   * pipeline's work outgrows the memory limit; pipelines use one each and never touch the warehouse.
   */
  public static DuckDbDatabase inMemory(DuckDbConfig config, Path tempDirectory) {
    requireNonNull(config, "config is null");
    Path temp = config.tempDirectory() != null ? Path.of(config.tempDirectory()) : tempDirectory;
    return open("jdbc:duckdb:", ":memory:", config, temp);
  }

  /**
   * Opens the warehouse read-only, for commands that only look (several processes may do so at
   * once, but not while a writer holds it).
   */
  public static DuckDbDatabase openWarehouseReadOnly(PlatformHome home, DuckDbConfig config) {
    requireNonNull(home, "home is null");
    requireNonNull(config, "config is null");
    Path file = home.warehouseFile();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    return open("jdbc:duckdb:" + file, file.toString(), config, null, readOnly);
  }

  /**
   * An instance whose own catalog is {@code baseFile} (created empty first if absent) opened
   * READ_ONLY: DuckDB then attaches every other database read-only too and refuses to create
   * anything outside the temp catalog (CREATE TABLE/VIEW/SCHEMA/MACRO/SEQUENCE, even an in-memory
   * ATTACH), while each connection's TEMP objects still work. For the tier read-only roles run on,
   * whose shared objects (the lake's views, the warehouse snapshot) are attached read-only files.
   */
  public static DuckDbDatabase openReadOnlyInstance(Path baseFile, DuckDbConfig config, Path tempDirectory) {
    requireNonNull(baseFile, "baseFile is null");
    requireNonNull(config, "config is null");
    if (!Files.exists(baseFile)) {
      try {
        Files.createDirectories(baseFile.toAbsolutePath().getParent());
        DriverManager.getConnection("jdbc:duckdb:" + baseFile).close();
      } catch (SQLException | java.io.IOException e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot create " + baseFile + ": " + e.getMessage(), e);
      }
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Path temp = config.tempDirectory() != null ? Path.of(config.tempDirectory()) : tempDirectory;
    return open("jdbc:duckdb:" + baseFile, baseFile.toString(), config, temp, readOnly);
  }

  private static DuckDbDatabase open(String url, String description, DuckDbConfig config, Path temp) {
    return open(url, description, config, temp, new Properties());
  }

  private static DuckDbDatabase open(
      String url, String description, DuckDbConfig config, Path temp, Properties extra) {
    Properties properties = new Properties();
    properties.putAll(extra);
    // Extensions are never fetched from the network at query time: machines here have none, and a
    // client must not be able to make the gateway download code.
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "true");
    // duckdb_jdbc materializes a whole result before handing out its first row unless told to
    // stream: a 100M-row SELECT would sit in native memory (GBs) and the client would wait for the
    // last row to be computed before it got the first. Streaming lets Arrow batches flow as DuckDB
    // produces them; every connection duplicated from this one inherits it.
    properties.setProperty("jdbc_stream_results", "true");
    if (config.memoryLimit() != null) {
      properties.setProperty("memory_limit", config.memoryLimit());
    }
    if (config.maxTempDirectorySize() != null) {
      properties.setProperty("max_temp_directory_size", config.maxTempDirectorySize());
    }
    if (config.threads() > 0) {
      properties.setProperty("threads", Integer.toString(config.threads()));
    }
    if (temp != null) {
      try {
        Files.createDirectories(temp);
      } catch (java.io.IOException e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot create " + temp + ": " + e.getMessage(), e);
      }
      properties.setProperty("temp_directory", temp.toString());
    }
    try {
      Connection connection = DriverManager.getConnection(url, properties);
      return new DuckDbDatabase(connection.unwrap(DuckDBConnection.class), description);
    } catch (SQLException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("lock") || message.contains("Conflicting lock")) {
        throw new PlatformException(
            SqlState.LOCK_NOT_AVAILABLE,
            "the warehouse "
                + description
                + " is locked by another process (is a gateway already serving this home?): "
                + firstLine(message),
            e);
      }
      throw new PlatformException(
          SqlState.IO_ERROR, "cannot open DuckDB database " + description + ": " + firstLine(message), e);
    }
  }

  /**
   * Confines the instance's file access to these directories (reads and writes alike), and stops
   * it from loading extensions it does not have. DuckDB enforces this in its file system layer for
   * every function and statement, so it holds even for SQL the gateway's own checks would miss.
   * Serving instances then also lock their configuration (the gateway's LockedConfiguration).
   */
  public void restrictFileAccess(java.util.List<Path> allowedDirectories) {
    java.util.Set<String> directories = new java.util.LinkedHashSet<>();
    for (Path directory : allowedDirectories) {
      Path absolute = directory.toAbsolutePath().normalize();
      directories.add(absolute + "/");
      try {
        directories.add(absolute.toRealPath() + "/");
      } catch (java.io.IOException e) {
        // Not created yet: the absolute form is the one DuckDB will be given.
      }
    }
    StringBuilder list = new StringBuilder("[");
    for (String directory : directories) {
      list.append(list.length() > 1 ? ", " : "").append('\'').append(directory.replace("'", "''")).append('\'');
    }
    list.append(']');
    execute("SET allowed_directories = " + list);
    execute("SET enable_external_access = false");
    execute("SET allow_community_extensions = false");
    execute("SET autoinstall_known_extensions = false");
    execute("SET autoload_known_extensions = false");
  }

  /**
   * Keeps the Parquet footers (schema, row-group statistics) DuckDB has read in memory, for a
   * serving instance: a key lookup on a large dataset otherwise parses every file's footer again on
   * each statement before its statistics can skip a row group. Lake files are never rewritten in
   * place (commits add files, replacements swap folders), and DuckDB checks a file's modification
   * time before it uses what it cached.
   */
  public void cacheParquetMetadata() {
    execute("SET parquet_metadata_cache = true");
  }

  /** A new connection to the shared instance; the caller owns and closes it. */
  public DuckDBConnection connect() {
    try {
      return root.duplicate();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.CONNECTION_FAILURE, "cannot connect to DuckDB: " + e.getMessage(), e);
    }
  }

  /** Runs a statement on a short-lived connection, for setup work (views, attachments: counted as a catalog change). */
  public void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    } finally {
      catalogChanges.changed();
    }
  }

  /** Changes to this instance's catalog made through the gateway, for sessions that keep prepared statements. */
  public CatalogChanges catalogChanges() {
    return catalogChanges;
  }

  /** The order in which this instance's transactions take their turns to write each table. */
  public WriteOrder writeOrder() {
    return writeOrder;
  }

  /** The Java functions registered in this instance, as its sessions registered or found them. */
  public RegisteredFunctions registeredFunctions() {
    return registeredFunctions;
  }

  /** The parse trees of statements recently run on this instance, shared by its sessions. */
  public ParseTreeCache parseTrees() {
    return parseTrees;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close DuckDB: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
