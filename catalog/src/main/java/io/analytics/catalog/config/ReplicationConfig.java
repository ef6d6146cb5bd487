package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Timings of read replicas ({@code serve --replica}) and of the snapshots the writer publishes for them.
 *
 * @param pollMillis how often the writer looks whether the warehouse changed since its last
 *     snapshot, and a replica whether a newer snapshot was published
 * @param leaseSeconds a replica renews its lease every third of this; the writer publishes only
 *     while a lease is younger than this
 * @param snapshotRetentionSeconds a superseded snapshot that no live replica serves is deleted once
 *     it is older than this
 */
public record ReplicationConfig(int pollMillis, int leaseSeconds, int snapshotRetentionSeconds) {
  @JsonCreator
  public ReplicationConfig(
      @JsonProperty("pollMillis") Integer pollMillis,
      @JsonProperty("leaseSeconds") Integer leaseSeconds,
      @JsonProperty("snapshotRetentionSeconds") Integer snapshotRetentionSeconds) {
    this(
        pollMillis == null ? 500 : pollMillis,
        leaseSeconds == null ? 15 : leaseSeconds,
        snapshotRetentionSeconds == null ? 60 : snapshotRetentionSeconds);
  }

  public ReplicationConfig {
    ConfigChecks.checkRange("gateway.replication.pollMillis", pollMillis, 10, 3_600_000);
    ConfigChecks.checkRange("gateway.replication.leaseSeconds", leaseSeconds, 3, 86_400);
    ConfigChecks.checkRange("gateway.replication.snapshotRetentionSeconds", snapshotRetentionSeconds, 0, 86_400 * 7);
  }

  public static ReplicationConfig defaults() {
    return new ReplicationConfig(null, null, null);
  }

  /** How often a replica rewrites its lease: a third of its lifetime, so one late renewal does not lose it. */
  public long leaseRenewalMillis() {
    return leaseSeconds * 1000L / 3;
  }
}
