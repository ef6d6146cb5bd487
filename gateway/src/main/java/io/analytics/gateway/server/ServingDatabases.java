package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ServingInstance;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.replica.SnapshotPublisher;
import io.analytics.gateway.dialect.LockedConfiguration;
import io.analytics.gateway.replica.ReaderTier;
import io.analytics.gateway.replica.ReplicaWarehouse;
import io.analytics.iceberg.external.ExternalIcebergViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB instances a gateway serves client SQL from, each walled to the folders its roles may
 * read, and closed together in one place: the writer's instance (the warehouse, or a replica's
 * snapshot), role app's gold-only instance, and the read-only roles' snapshot instance.
 */
final class ServingDatabases implements AutoCloseable {
  /** The warehouse's instance, or on a replica the in-memory one holding its snapshot. */
  final DuckDbDatabase writer;
  /** Role app's instance: only the gold layer's views, readable only in its folder. */
  final DuckDbDatabase goldTier;
  /** Null on a replica, whose instance is a read-only snapshot already. */
  final ReaderTier readerTier;
  /** Null on a replica; the writer's, shared by the readers' tier and the replicas' feed. */
  final SnapshotPublisher publisher;
  /** Null when this gateway owns the warehouse. */
  final ReplicaWarehouse replica;
  /** Where COPY spools its data (and the writer copies snapshots before renaming them into place). */
  final Path copyDir;

  private ServingDatabases(DuckDbDatabase writer, DuckDbDatabase goldTier, ReaderTier readerTier,
      SnapshotPublisher publisher, ReplicaWarehouse replica, Path copyDir) {
    this.writer = requireNonNull(writer, "writer is null");
    this.goldTier = requireNonNull(goldTier, "goldTier is null");
    this.readerTier = readerTier;
    this.publisher = publisher;
    this.replica = replica;
    this.copyDir = requireNonNull(copyDir, "copyDir is null");
  }

  /**
   * Walls {@code writer} and opens the tiers beside it.
   *
   * @param replica the read replica's hold on the warehouse, or null for the gateway that owns it
   * @param synchronizer attaches the sources while the writer may still reach their files
   */
  static ServingDatabases open(PlatformHome home, PlatformConfig config, DuckDbDatabase writer,
      ReplicaWarehouse replica, SourceSynchronizer synchronizer) {
    Path copyDir;
    if (replica == null) {
      copyDir = prepareCopyDir(home);
      synchronizer.attachBeforeLockdown(config.sources());
      // Client SQL runs in this instance: from here on it sees only the lake and the COPY spool
      // (where the writer's snapshots for replicas are copied before they are renamed into place).
      List<Path> readable = new ArrayList<>(List.of(home.dataDir(), copyDir));
      readable.addAll(ExternalIcebergViews.readableDirectories(home));
      writer.restrictFileAccess(readable);
    } else {
      copyDir = replica.copyDir();
      // A replica's instance sees only the lake and the published snapshots, which it attaches read-only.
      writer.restrictFileAccess(List.of(home.dataDir(), home.snapshotsDir()));
    }
    DuckDbDatabase goldTier = openGoldTier(home, config, replica);
    writer.cacheParquetMetadata();
    goldTier.cacheParquetMetadata();
    LockedConfiguration.lock(goldTier);
    // Read-only roles run on an instance that holds the warehouse as a READ_ONLY snapshot (see ReaderTier).
    SnapshotPublisher publisher = replica == null ? new SnapshotPublisher(home, writer, copyDir) : null;
    ReaderTier readerTier = replica == null ? ReaderTier.open(home, config, publisher) : null;
    return new ServingDatabases(writer, goldTier, readerTier, publisher, replica, copyDir);
  }

  /**
   * Role app gets an instance of its own that holds only the gold layer's views and can read only
   * its folder, so nothing else is visible to it, whatever the SQL. Its spill folder is its own:
   * DuckDB adds an instance's temp directory to its allowed_directories, so a shared one would let
   * app read the COPY spool and the other instance's spill files.
   */
  private static DuckDbDatabase openGoldTier(PlatformHome home, PlatformConfig config, ReplicaWarehouse replica) {
    Path goldSpill = replica != null ? replica.spillDir("gold")
        : config.servingDuckDb().tempDirectory() != null ? Path.of(config.servingDuckDb().tempDirectory()).resolve("gold-tier")
        : home.warehouseDir().resolve("spill-gold");
    DuckDbDatabase goldTier = DuckDbDatabase.inMemory(
        config.servingDuckDb(ServingInstance.APP).withTempDirectory(null), goldSpill);
    goldTier.restrictFileAccess(List.of(home.layerDir(Layer.GOLD)));
    return goldTier;
  }

  private static Path prepareCopyDir(PlatformHome home) {
    Path dir = home.tempDir().resolve("copy");
    try {
      Files.createDirectories(dir);
      try (var leftovers = Files.list(dir)) {
        for (Path file : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(file);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  /** The reader tier's instance, or null on a replica. */
  DuckDbDatabase readerDatabase() {
    return readerTier == null ? null : readerTier.database();
  }

  @Override
  public void close() {
    writer.close();
    goldTier.close();
    if (readerTier != null) {
      readerTier.close();
    }
    if (replica != null) {
      replica.close();
    }
  }
}
