package io.analytics.engine.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.replica.SnapshotPointer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.duckdb.SqlIdentifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The warehouse as a read replica's DuckDB instance holds it: the current snapshot attached
 * READ_ONLY under the name the warehouse has in the writer ({@value #CATALOG}), so SQL and views
 * that name it work alike. Moving to a newer snapshot is DuckDB's {@code ATTACH OR REPLACE}:
 * statements and transactions already running keep the snapshot they started on, new ones see the
 * new one, and a snapshot that cannot be attached leaves the old one in place. Until the first
 * snapshot is published, an empty placeholder that has the layer schemas stands in.
 */
public final class AttachedSnapshot {
  /** The catalog name of the warehouse file {@code warehouse.duckdb} in the writer, and of the snapshot here. */
  public static final String CATALOG = "warehouse";
  private static final String PLACEHOLDER_FILE = "empty-warehouse.duckdb";

  private final DuckDbDatabase database;
  private final PlatformHome home;
  private volatile long sequence;

  private AttachedSnapshot(DuckDbDatabase database, PlatformHome home) {
    this.database = database;
    this.home = home;
  }

  /**
   * Attaches the empty placeholder, written to {@code scratchDir}; call before the instance's file
   * access is restricted, since the scratch folder is not among the folders it may read later.
   */
  public static AttachedSnapshot placeholder(DuckDbDatabase database, PlatformHome home, Path scratchDir) {
    requireNonNull(database, "database is null");
    requireNonNull(home, "home is null");
    Path file = scratchDir.resolve(PLACEHOLDER_FILE);
    try {
      Files.createDirectories(scratchDir);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot prepare " + file + ": " + e.getMessage(), e);
    }
    // Written by an instance of its own: the instance it is attached to may be read-only itself.
    try (java.sql.Connection writer = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
        java.sql.Statement statement = writer.createStatement()) {
      for (Layer layer : Layer.values()) {
        statement.execute("CREATE SCHEMA " + SqlIdentifiers.quote(layer.schemaName()));
      }
    } catch (java.sql.SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
    // Read-only from the start: DuckDB replaces an attached database only by one in the same mode.
    database.execute("ATTACH " + SqlIdentifiers.literal(file.toString()) + " AS " + CATALOG + " (READ_ONLY)");
    return new AttachedSnapshot(database, home);
  }

  /** The sequence of the snapshot attached now; 0 for the placeholder. */
  public long sequence() {
    return sequence;
  }

  /**
   * Attaches the snapshot {@code pointer} names in place of the current one, if it is newer;
   * returns whether it did. Fails (keeping the current one) if its file cannot be attached, for
   * instance because it was superseded and deleted since the pointer was read.
   */
  public synchronized boolean follow(SnapshotPointer pointer) {
    if (pointer.sequence() <= sequence) {
      return false;
    }
    database.execute("ATTACH OR REPLACE " + SqlIdentifiers.literal(pointer.path(home).toString()) + " AS " + CATALOG
        + " (READ_ONLY)");
    sequence = pointer.sequence();
    return true;
  }
}
