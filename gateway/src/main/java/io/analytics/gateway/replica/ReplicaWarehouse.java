package io.analytics.gateway.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ServingInstance;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.replica.ReplicaLease;
import io.analytics.catalog.replica.SnapshotPointer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.replica.AttachedSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read replica's hold on the warehouse without opening it: a read-only DuckDB instance of its
 * own over an empty base file (so it takes no lock on the warehouse file and never waits for, or
 * blocks, the writer, and DuckDB refuses every write its sessions share) with
 * the current snapshot attached, the lease that tells the writer a replica wants snapshots, and a
 * scratch folder under {@code warehouse/tmp/} for DuckDB's spill files and the placeholder snapshot.
 * {@link #follow()} runs periodically: it attaches a newer snapshot when one is published and
 * renews the lease.
 */
public final class ReplicaWarehouse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaWarehouse.class);
  /** The instance's own (empty, read-only) catalog: DuckDB names it {@code replica}. */
  private static final String BASE_FILE = "replica.duckdb";

  private final PlatformHome home;
  private final String id;
  private final Path scratchDir;
  private final DuckDbDatabase database;
  private final AttachedSnapshot snapshot;
  private final long renewalMillis;
  private volatile ReplicaLease lease;
  private long renewedAt;

  private ReplicaWarehouse(
      PlatformHome home, String id, Path scratchDir, DuckDbDatabase database, AttachedSnapshot snapshot, long renewalMillis) {
    this.home = home;
    this.id = id;
    this.scratchDir = scratchDir;
    this.database = database;
    this.snapshot = snapshot;
    this.renewalMillis = renewalMillis;
  }

  /** Creates the instance with the current snapshot attached (or the empty placeholder when none was published). */
  public static ReplicaWarehouse open(PlatformHome home, PlatformConfig config) {
    requireNonNull(home, "home is null");
    requireNonNull(config, "config is null");
    String id = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path scratchDir = home.tempDir().resolve("replica-" + id);
    try {
      Files.createDirectories(home.snapshotsDir());
      Files.createDirectories(home.replicasDir());
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot create " + home.snapshotsDir() + ": " + e.getMessage(), e);
    }
    removeAbandonedScratch(home, config.gateway().replication().leaseSeconds() * 1000L);
    // Read-only as a whole, as the readers' tier is: its own catalog is an empty file opened
    // READ_ONLY and everything else it holds (the snapshot, the lake's views) is attached READ_ONLY,
    // so no session, whatever reached DuckDB, creates a table or view the replica's other sessions
    // would see; only each connection's TEMP objects can be made.
    DuckDbDatabase database = DuckDbDatabase.openReadOnlyInstance(scratchDir.resolve("base").resolve(BASE_FILE),
        config.servingDuckDb(ServingInstance.REPLICA), scratchDir.resolve("spill-main"));
    try {
      AttachedSnapshot snapshot = AttachedSnapshot.placeholder(database, home, scratchDir);
      ReplicaWarehouse replica =
          new ReplicaWarehouse(home, id, scratchDir, database, snapshot, config.gateway().replication().leaseRenewalMillis());
      replica.attachNewer();
      return replica;
    } catch (RuntimeException e) {
      database.close();
      deleteTree(scratchDir);
      throw e;
    }
  }

  /** The replica's DuckDB instance; the gateway closes it before it closes this. */
  public DuckDbDatabase database() {
    return database;
  }

  /** Unique among the replicas of the home: names its lease and scratch folder. */
  public String id() {
    return id;
  }

  /**
   * Where another DuckDB instance of this replica spills (each its own: DuckDB's spill files of two
   * instances, or two processes, would collide in one folder).
   */
  public Path spillDir(String instance) {
    return scratchDir.resolve("spill-" + instance);
  }

  /** A folder of this replica's own for another instance's files (app's base file and views). */
  public Path scratchDir(String instance) {
    return scratchDir.resolve(instance);
  }

  /** Where COPY FROM STDIN would spool; a replica refuses it, but sessions are built with one. */
  public Path copyDir() {
    return scratchDir.resolve("copy");
  }

  /** The sequence of the snapshot served now; 0 before the first. */
  public long snapshotSequence() {
    return snapshot.sequence();
  }

  /** Takes the lease, once the replica listens: from now on the writer publishes snapshots for it. */
  public void start(InetSocketAddress bound) {
    lease = new ReplicaLease(id, bound.getHostString(), bound.getPort(), snapshot.sequence());
    renew();
  }

  /** Attaches a newer snapshot if one was published, and renews the lease when it is due; returns whether it attached one. */
  public boolean follow() {
    boolean moved = attachNewer();
    ReplicaLease current = lease;
    if (current != null && (moved || System.currentTimeMillis() - renewedAt >= renewalMillis)) {
      renew();
    }
    return moved;
  }

  private boolean attachNewer() {
    Optional<SnapshotPointer> pointer = SnapshotPointer.current(home);
    if (pointer.isEmpty() || pointer.get().sequence() <= snapshot.sequence()) {
      return false;
    }
    try {
      snapshot.follow(pointer.get());
    } catch (PlatformException e) {
      if (!Files.exists(pointer.get().path(home))) {
        // Superseded and deleted since we read the pointer: the next run reads the newer one.
        return false;
      }
      throw e;
    }
    LOG.info("serving warehouse snapshot {}", pointer.get().sequence());
    return true;
  }

  private void renew() {
    ReplicaLease renewed = new ReplicaLease(id, lease.host(), lease.port(), snapshot.sequence());
    renewed.renew(home);
    lease = renewed;
    renewedAt = System.currentTimeMillis();
  }

  /** Gives the lease up and deletes the scratch folder; call after the DuckDB instance is closed. */
  @Override
  public void close() {
    if (lease != null) {
      lease.release(home);
    }
    deleteTree(scratchDir);
  }

  /**
   * Deletes the scratch folders of replicas that were killed: no live lease has their id, and they
   * are older than a lease lives (a replica starting right now has no lease yet).
   */
  private static void removeAbandonedScratch(PlatformHome home, long leaseTimeoutMillis) {
    if (!Files.isDirectory(home.tempDir())) {
      return;
    }
    Set<String> live = new HashSet<>();
    for (ReplicaLease lease : ReplicaLease.live(home, leaseTimeoutMillis)) {
      live.add("replica-" + lease.id());
    }
    long now = System.currentTimeMillis();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(home.tempDir(), "replica-*")) {
      for (Path folder : folders) {
        if (!live.contains(folder.getFileName().toString())
            && now - Files.getLastModifiedTime(folder).toMillis() > leaseTimeoutMillis) {
          deleteTree(folder);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot remove the scratch folders of stopped replicas in {}: {}", home.tempDir(), e.getMessage());
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
