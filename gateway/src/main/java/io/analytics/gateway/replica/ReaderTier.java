package io.analytics.gateway.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ServingInstance;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.replica.ReplicaLease;
import io.analytics.catalog.replica.SnapshotPointer;
import io.analytics.catalog.replica.WarehouseFileState;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.LakeViewCatalog;
import io.analytics.engine.lake.ReadOnlyLakeViews;
import io.analytics.engine.replica.AttachedSnapshot;
import io.analytics.engine.replica.SnapshotPublisher;
import io.analytics.engine.replica.SnapshotRetention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DuckDB instance read-only roles (analyst) run on in the gateway that owns the warehouse: an
 * in-process read replica. DuckDB lets one process open the warehouse file only once (a second
 * instance with another configuration, or an ATTACH of the same file, is refused), so readers get
 * the warehouse as the replicas do: a snapshot copied by DuckDB's {@code COPY FROM DATABASE} and
 * attached {@code READ_ONLY}, and the lake's views are a file attached {@code READ_ONLY} too
 * ({@link ReadOnlyLakeViews}) on an instance opened read-only, so DuckDB refuses every write to
 * anything shared. Its file access is the layer folders, the snapshots and the views' files only, and its
 * configuration is locked ({@code lock_configuration}) once the gateway has set what sessions
 * need, so no client can change a setting of it (only {@code search_path} and {@code schema}).
 *
 * <p>Freshness is the writer's: {@link #beforeStatement()} runs before each statement of a reader
 * session and, when the warehouse changed since the attached snapshot was copied, publishes a new
 * one and attaches it first. A statement therefore sees every commit that finished before it
 * started, as on the shared instance; a transaction keeps the snapshot it started on (DuckDB's
 * ATTACH OR REPLACE leaves running transactions on the old one).
 */
public final class ReaderTier implements AutoCloseable {
  /** The catalog that holds the lake's views on the readers' instance: a file attached read-only. */
  public static final String LAKE_CATALOG = io.analytics.engine.lake.ReadOnlyLakeViews.CATALOG;

  private final PlatformHome home;
  private final DuckDbDatabase database;
  private final AttachedSnapshot snapshot;
  private final SnapshotPublisher publisher;
  private final SnapshotRetention retention;
  private final long leaseTimeoutMillis;
  private final ReadOnlyLakeViews lakeViews;
  /** The warehouse's state when the attached snapshot was copied; null before the first. */
  private volatile WarehouseFileState attachedState;

  private ReaderTier(PlatformHome home, DuckDbDatabase database, AttachedSnapshot snapshot, SnapshotPublisher publisher,
      PlatformConfig config, ReadOnlyLakeViews lakeViews) {
    this.home = home;
    this.lakeViews = lakeViews;
    this.database = database;
    this.snapshot = snapshot;
    this.publisher = publisher;
    this.retention = new SnapshotRetention(home, config.gateway().replication().snapshotRetentionSeconds() * 1000L);
    this.leaseTimeoutMillis = config.gateway().replication().leaseSeconds() * 1000L;
  }

  /**
   * Opens the readers' instance with the warehouse's current state attached. Its scratch folder
   * (the placeholder snapshot and its spill files) is {@code warehouse/readers}, a folder no other
   * instance reads.
   *
   * @param publisher the writer's publisher, shared with the feed for remote replicas
   */
  public static ReaderTier open(PlatformHome home, PlatformConfig config, SnapshotPublisher publisher) {
    requireNonNull(home, "home is null");
    requireNonNull(config, "config is null");
    requireNonNull(publisher, "publisher is null");
    Path scratch = home.warehouseDir().resolve("readers");
    // Read-only as a whole: every catalog it holds is an attached read-only file, so no session
    // creates, replaces or drops anything but its own TEMP objects.
    DuckDbDatabase database = DuckDbDatabase.openReadOnlyInstance(scratch.resolve("readers.duckdb"),
        config.servingDuckDb(ServingInstance.ANALYSTS).withTempDirectory(null), scratch.resolve("spill"));
    try {
      AttachedSnapshot snapshot = AttachedSnapshot.placeholder(database, home, scratch);
      Path viewFiles = scratch.resolve("views");
      ReaderTier tier = new ReaderTier(home, database, snapshot, publisher, config,
          new ReadOnlyLakeViews(database, new LakeScanner(home), viewFiles, LAKE_CATALOG));
      tier.beforeStatement();
      List<Path> readable = new ArrayList<>();
      for (Layer layer : Layer.values()) {
        readable.add(home.layerDir(layer));
      }
      readable.add(home.snapshotsDir());
      readable.add(viewFiles);
      ReadOnlyInstances.lockDown(database, readable);
      return tier;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The lake's views of this instance, rebuilt in a read-only catalog when the lake changes. */
  public LakeViewCatalog lakeViews() {
    return lakeViews;
  }

  /** The instance readers' sessions connect to. */
  public DuckDbDatabase database() {
    return database;
  }

  /**
   * Makes the attached snapshot current: publishes one if the warehouse changed since the last
   * was copied, attaches it, and deletes superseded snapshots no replica serves. While nothing
   * changed this costs two stat calls.
   */
  public void beforeStatement() {
    if (!WarehouseFileState.of(home).equals(attachedState)) {
      catchUp();
    }
  }

  private synchronized void catchUp() {
    boolean published = !publisher.isCurrent();
    if (published) {
      publisher.publish();
    }
    SnapshotPointer.current(home).ifPresent(pointer -> {
      if (snapshot.follow(pointer) || published) {
        Set<Long> inUse = ReplicaLease.live(home, leaseTimeoutMillis).stream().map(ReplicaLease::snapshot)
            .collect(Collectors.toSet());
        retention.prune(pointer.sequence(), inUse);
      }
      // The state the copy was taken from: a commit that landed during the copy differs from it,
      // so the next statement publishes again rather than missing that commit.
      attachedState = pointer.warehouse();
    });
  }

  @Override
  public void close() {
    database.close();
  }
}
