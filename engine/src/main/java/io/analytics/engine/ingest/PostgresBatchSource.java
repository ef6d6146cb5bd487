package io.analytics.engine.ingest;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.lake.BatchIds;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.postgres.PostgresSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A snapshot of a PostgreSQL table, read with binary COPY when the batch is registered. Every
 * snapshot is a new batch (its hash covers the time it was taken): ingesting a table twice archives
 * it twice.
 */
final class PostgresBatchSource implements BatchSource {
  private final PostgresSnapshot snapshot;
  private final Instant takenAt = Instant.now();

  PostgresBatchSource(PostgresSnapshot snapshot) {
    this.snapshot = requireNonNull(snapshot, "snapshot is null");
  }

  @Override
  public String contentHash() {
    byte[] identity = (snapshot.description() + "@" + takenAt + "#" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(BatchIds.sha256().digest(identity));
  }

  @Override
  public String description() {
    return snapshot.description() + " snapshot at " + takenAt;
  }

  @Override
  public void register(LakeSession session, String name, boolean allText) {
    snapshot.loadInto(session.connection(), name);
  }
}
