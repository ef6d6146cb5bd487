package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.replica.ReplicaFeed;
import io.analytics.gateway.notify.LakeCommitNotifier;
import io.analytics.gateway.replica.Periodic;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's work beside its sessions: watching the lake for commits while a session listens for
 * them, publishing warehouse snapshots for replicas (the writer) or following them (a replica), and
 * syncing the PostgreSQL sources (the writer).
 */
final class BackgroundJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
  /** How often the lake is looked at between statements while anyone listens for its commits. */
  private static final long LAKE_WATCH_MILLIS = 250;

  private final PlatformHome home;
  private final PlatformConfig config;
  private final ServingDatabases databases;
  private final LakeRefresher lake;
  private final LakeCommitNotifier lakeCommits;
  /** Null for a replica, which syncs no source: it serves the mirrors the writer's snapshot holds. */
  private final SourceSyncScheduler sourceSync;
  /** On a replica, announces the writer's mirror syncs each newer snapshot brings; null on the writer. */
  private final io.analytics.gateway.notify.ReplicaMirrorSyncs replicaMirrorSyncs;
  private volatile Periodic lakeWatch;
  /** Publishes snapshots for replicas (the writer) or follows them (a replica), once started. */
  private volatile Periodic replication;

  BackgroundJobs(PlatformHome home, PlatformConfig config, ServingDatabases databases, LakeRefresher lake,
      LakeCommitNotifier lakeCommits, SourceSyncScheduler sourceSync, io.analytics.gateway.notify.ReplicaMirrorSyncs replicaMirrorSyncs) {
    this.home = requireNonNull(home, "home is null");
    this.config = requireNonNull(config, "config is null");
    this.databases = requireNonNull(databases, "databases is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.lakeCommits = requireNonNull(lakeCommits, "lakeCommits is null");
    this.sourceSync = sourceSync;
    this.replicaMirrorSyncs = replicaMirrorSyncs;
  }

  /** Starts every job; {@code bound} is the gateway's address, which a replica announces. */
  void start(InetSocketAddress bound) {
    lakeWatch = Periodic.start("lake-watch", LAKE_WATCH_MILLIS, () -> {
      if (lakeCommits.anyoneListening()) {
        lake.run();
      }
    });
    long poll = config.gateway().replication().pollMillis();
    if (databases.replica == null) {
      sourceSync.start();
      ReplicaFeed feed = new ReplicaFeed(home, databases.publisher, config.gateway().replication());
      replication = Periodic.start("snapshot-publisher", poll, () -> feed.update()
          .ifPresent(published -> LOG.info("published warehouse snapshot {} for read replicas", published.sequence())));
    } else {
      databases.replica.start(bound);
      replication = Periodic.start("snapshot-follower", poll, () -> {
        if (databases.replica.follow()) {
          replicaMirrorSyncs.snapshotAttached();
        }
      });
    }
  }

  /** The PostgreSQL sources' syncing, or null on a replica. */
  SourceSyncScheduler sourceSync() {
    return sourceSync;
  }

  @Override
  public void close() {
    if (lakeWatch != null) {
      lakeWatch.close();
    }
    if (replication != null) {
      replication.close();
    }
    if (sourceSync != null) {
      sourceSync.close();
    }
  }
}
