package io.analytics.engine.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.replica.ReplicaLease;
import io.analytics.catalog.replica.SnapshotPointer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warehouse owner's duty toward read replicas: while at least one replica holds a fresh lease,
 * publish a new snapshot whenever the warehouse changed since the current one, then delete the
 * snapshots no replica needs. With no replica running it costs two small directory reads.
 */
public final class ReplicaFeed {
  private final PlatformHome home;
  private final SnapshotPublisher publisher;
  private final SnapshotRetention retention;
  private final long leaseTimeoutMillis;

  public ReplicaFeed(PlatformHome home, SnapshotPublisher publisher, ReplicationConfig config) {
    this.home = requireNonNull(home, "home is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
    requireNonNull(config, "config is null");
    this.retention = new SnapshotRetention(home, config.snapshotRetentionSeconds() * 1000L);
    this.leaseTimeoutMillis = config.leaseSeconds() * 1000L;
  }

  /** Publishes if a replica is running and the warehouse changed; returns the snapshot published, if one was. */
  public Optional<SnapshotPointer> update() {
    List<ReplicaLease> leases = ReplicaLease.live(home, leaseTimeoutMillis);
    if (leases.isEmpty()) {
      return Optional.empty();
    }
    Optional<SnapshotPointer> published = publisher.isCurrent() ? Optional.empty() : Optional.of(publisher.publish());
    Optional<SnapshotPointer> current = published.isPresent() ? published : SnapshotPointer.current(home);
    Set<Long> inUse = leases.stream().map(ReplicaLease::snapshot).collect(Collectors.toSet());
    retention.prune(current.map(SnapshotPointer::sequence).orElse(0L), inUse);
    return published;
  }
}
