package io.analytics.engine.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.replica.SnapshotPointer;
import io.analytics.catalog.replica.WarehouseFileState;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.duckdb.SqlIdentifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes a read-only snapshot of the warehouse for read replicas. DuckDB's own {@code COPY FROM
 * DATABASE} copies the warehouse into a new file in one transaction, so the copy is consistent
 * while sessions go on writing; the lake's views are left out of it (each replica builds fresher
 * ones from the folders, and views of the snapshot that read a lake table find the replica's);
 * the finished file is forced to disk and renamed into {@code warehouse/snapshots/}, and only then
 * does the pointer move to it. Only the process holding the warehouse may publish, so sequence
 * numbers never collide.
 */
public final class SnapshotPublisher {
  private static final String ATTACHED = "analytics_snapshot_in_progress";

  private final PlatformHome home;
  private final DuckDbDatabase warehouse;
  private final Path stagingDir;

  /**
   * @param warehouse the warehouse's DuckDB instance
   * @param stagingDir where the copy is written before it is renamed into place: on the same file
   *     system as the snapshots folder, and one the instance may write (a gateway's DuckDB may only
   *     write its COPY spool folder)
   */
  public SnapshotPublisher(PlatformHome home, DuckDbDatabase warehouse, Path stagingDir) {
    this.home = requireNonNull(home, "home is null");
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
    this.stagingDir = requireNonNull(stagingDir, "stagingDir is null");
  }

  /** Whether the current snapshot was copied from the warehouse as it is now (and is still on disk). */
  public boolean isCurrent() {
    Optional<SnapshotPointer> current = SnapshotPointer.current(home);
    return current.isPresent()
        && current.get().warehouse().equals(WarehouseFileState.of(home))
        && Files.exists(current.get().path(home));
  }

  /** Copies the warehouse into the next snapshot and makes it the current one (one publication at a time: the readers' tier and the replicas' feed share a publisher). */
  public synchronized SnapshotPointer publish() {
    // Taken before the copy: a commit that lands in between is in the copy but changes the state,
    // so it causes one more snapshot rather than being missed.
    WarehouseFileState state = WarehouseFileState.of(home);
    long sequence = SnapshotPointer.current(home).map(p -> p.sequence() + 1).orElse(1L);
    SnapshotPointer pointer = new SnapshotPointer(sequence, SnapshotPointer.fileName(sequence), state);
    Path staging = stagingDir.resolve(".snapshot-" + sequence + "-" + UUID.randomUUID() + ".duckdb");
    try {
      Files.createDirectories(stagingDir);
      Files.createDirectories(home.snapshotsDir());
      copyInto(staging);
      DurableFiles.fsync(staging);
      DurableFiles.move(staging, pointer.path(home));
      pointer.publish(home);
      return pointer;
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot publish a warehouse snapshot: " + e.getMessage(), e);
    } finally {
      deleteQuietly(staging);
      deleteQuietly(staging.resolveSibling(staging.getFileName() + ".wal"));
    }
  }

  private void copyInto(Path staging) {
    String sql = "ATTACH " + SqlIdentifiers.literal(staging.toString()) + " AS " + ATTACHED;
    try (Connection connection = warehouse.connect()) {
      String source;
      try (Statement statement = connection.createStatement()) {
        source = currentDatabase(statement);
        // A publication that failed half-way in an earlier process state may have left it attached.
        statement.execute("DETACH DATABASE IF EXISTS " + ATTACHED);
        statement.execute(sql);
      }
      try (Statement statement = connection.createStatement()) {
        sql = "COPY FROM DATABASE " + SqlIdentifiers.quote(source) + " TO " + ATTACHED;
        statement.execute(sql);
        for (Layer layer : Layer.values()) {
          // Replicas route the layer schemas to the snapshot too, so they must exist in it.
          sql = "CREATE SCHEMA IF NOT EXISTS " + ATTACHED + "." + SqlIdentifiers.quote(layer.schemaName());
          statement.execute(sql);
        }
        for (String view : lakeViewsIn(statement)) {
          sql = "DROP VIEW " + view;
          statement.execute(sql);
        }
        sql = "CHECKPOINT " + ATTACHED;
        statement.execute(sql);
      } finally {
        // duckdb_jdbc closes a statement that failed, so the detach gets a statement of its own:
        // reusing it would hide the real error behind "Statement was closed" and leave the copy
        // attached, failing every later publication.
        try (Statement detach = connection.createStatement()) {
          detach.execute("DETACH DATABASE IF EXISTS " + ATTACHED);
        }
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
    if (Files.exists(staging.resolveSibling(staging.getFileName() + ".wal"))) {
      throw new PlatformException(SqlState.IO_ERROR, "the snapshot copy " + staging + " was not checkpointed completely");
    }
  }

  /** The copied views that stand for a lake dataset, qualified in the snapshot being written. */
  private List<String> lakeViewsIn(Statement statement) throws SQLException {
    Set<String> datasets = new HashSet<>();
    for (Dataset dataset : new LakeScanner(home).scan()) {
      datasets.add(dataset.layer().schemaName() + "." + dataset.name());
    }
    List<String> views = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(
        "SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = '" + ATTACHED + "' AND NOT internal")) {
      while (rows.next()) {
        String schema = rows.getString(1);
        String name = rows.getString(2);
        if (datasets.contains(schema + "." + name)) {
          views.add(ATTACHED + "." + SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name));
        }
      }
    }
    return views;
  }

  private static String currentDatabase(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT current_database()")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover in the staging folder is removed with the folder's other leftovers.
    }
  }
}
