package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.lake.LakeViewCatalog;
import io.analytics.engine.lake.LakeViews;
import io.analytics.engine.lake.ReadOnlyLakeViews;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.replica.SnapshotPublisher;
import io.analytics.gateway.replica.GoldTier;
import io.analytics.gateway.replica.ReaderTier;
import io.analytics.gateway.replica.ReplicaSearchPath;
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
  /** The warehouse's instance, or on a replica its read-only one holding the snapshot. */
  final DuckDbDatabase writer;
  /** Role app's instance: only the gold layer's views (a read-only catalog), readable only in its folder. */
  final GoldTier goldTier;
  /** Null on a replica, whose instance is a read-only snapshot already. */
  final ReaderTier readerTier;
  /** Null on a replica; the writer's, shared by the readers' tier and the replicas' feed. */
  final SnapshotPublisher publisher;
  /** Null when this gateway owns the warehouse. */
  final ReplicaWarehouse replica;
  /** The lake's views of {@code writer}: on a replica a file attached read-only, which no session can change. */
  final LakeViewCatalog writerViews;
  /** Where COPY spools its data (and the writer copies snapshots before renaming them into place). */
  final Path copyDir;

  private ServingDatabases(DuckDbDatabase writer, GoldTier goldTier, ReaderTier readerTier,
      SnapshotPublisher publisher, ReplicaWarehouse replica, Path copyDir, LakeViewCatalog writerViews) {
    this.writer = requireNonNull(writer, "writer is null");
    this.goldTier = requireNonNull(goldTier, "goldTier is null");
    this.readerTier = readerTier;
    this.publisher = publisher;
    this.replica = replica;
    this.copyDir = requireNonNull(copyDir, "copyDir is null");
    this.writerViews = requireNonNull(writerViews, "writerViews is null");
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
    LakeViewCatalog writerViews;
    if (replica == null) {
      copyDir = prepareCopyDir(home);
      synchronizer.attachBeforeLockdown(config.sources());
      // Client SQL runs in this instance: from here on it sees only the lake and the COPY spool
      // (where the writer's snapshots for replicas are copied before they are renamed into place).
      List<Path> readable = new ArrayList<>(List.of(home.dataDir(), copyDir));
      readable.addAll(ExternalIcebergViews.readableDirectories(home));
      writer.restrictFileAccess(readable);
      writerViews = new LakeViews(writer, new LakeScanner(home));
    } else {
      copyDir = replica.copyDir();
      // A replica's instance sees only the lake, the published snapshots, which it attaches
      // read-only, and its lake views' files, attached read-only too: its sessions share them.
      Path viewFiles = replica.scratchDir("views");
      writerViews = new ReadOnlyLakeViews(writer, new LakeScanner(home), viewFiles, ReplicaSearchPath.LAKE_CATALOG);
      writer.restrictFileAccess(List.of(home.dataDir(), home.snapshotsDir(), viewFiles));
    }
    GoldTier goldTier = openGoldTier(home, config, replica);
    writer.cacheParquetMetadata();
    // Read-only roles run on an instance that holds the warehouse as a READ_ONLY snapshot (see ReaderTier).
    SnapshotPublisher publisher = replica == null ? new SnapshotPublisher(home, writer, copyDir) : null;
    ReaderTier readerTier = replica == null ? ReaderTier.open(home, config, publisher) : null;
    return new ServingDatabases(writer, goldTier, readerTier, publisher, replica, copyDir, writerViews);
  }

  /**
   * Role app gets an instance of its own that holds only the gold layer's views and can read only
   * its folder, so nothing else is visible to it, whatever the SQL. Its spill folder is its own:
   * DuckDB adds an instance's temp directory to its allowed_directories, so a shared one would let
   * app read the COPY spool and the other instance's spill files.
   */
  private static GoldTier openGoldTier(PlatformHome home, PlatformConfig config, ReplicaWarehouse replica) {
    Path goldSpill = replica != null ? replica.spillDir("gold")
        : config.servingDuckDb().tempDirectory() != null ? Path.of(config.servingDuckDb().tempDirectory()).resolve("gold-tier")
        : home.warehouseDir().resolve("spill-gold");
    Path scratch = replica != null ? replica.scratchDir("gold-tier") : home.warehouseDir().resolve("gold-tier");
    return GoldTier.open(home, config, scratch, goldSpill);
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
