package io.analytics.engine.postgres.cdc;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.postgres.PostgresConnections;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Streams a source's slot ({@code pgoutput}, protocol 1) into its mirrors until told to stop, the
 * lag passes the source's maximum, or a table changes shape. The LSN confirmed to the source never
 * runs ahead of what DuckDB committed, so the source keeps whatever a crash could still need.
 */
final class ChangeStream {
  private static final long LAG_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Why streaming ended (errors are thrown). */
  enum Outcome { STOPPED, LAG_EXCEEDED }

  private final PostgresSourceConfig source;
  private final ReplicationSlots slots;
  private final ChangeApplier applier;
  private final Connection duck;
  private final Connection pg;
  private final StreamHooks hooks;

  /** @param pg a normal connection to the source, for lag checks */
  ChangeStream(PostgresSourceConfig source, ReplicationSlots slots, ChangeApplier applier, Connection duck,
      Connection pg, StreamHooks hooks) {
    this.source = requireNonNull(source, "source is null");
    this.slots = requireNonNull(slots, "slots is null");
    this.applier = requireNonNull(applier, "applier is null");
    this.duck = requireNonNull(duck, "duck is null");
    this.pg = requireNonNull(pg, "pg is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
  }

  Outcome run(BooleanSupplier stopped) {
    try (Connection replication = slots.openReplication()) {
      PGReplicationStream stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
          .logical()
          .withSlotName(slots.slot())
          .withStartPosition(LogSequenceNumber.valueOf(applier.appliedLsn()))
          .withSlotOption("proto_version", "1")
          .withSlotOption("publication_names", slots.publication())
          .withStatusInterval(1, TimeUnit.SECONDS)
          .start();
      try {
        return follow(stream, stopped);
      } finally {
        applier.rollback();
        stream.close();
      }
    } catch (SQLException e) {
      throw PostgresConnections.translate(source, e, "change stream");
    }
  }

  private Outcome follow(PGReplicationStream stream, BooleanSupplier stopped) throws SQLException {
    long caughtUpAt = System.nanoTime();
    long lagCheckedAt = 0;
    while (!stopped.getAsBoolean()) {
      ByteBuffer data = stream.readPending();
      if (data == null) {
        if (!applier.inTransaction()) {
          caughtUpAt = System.nanoTime();
          confirmIdle(stream);
        }
        if (System.nanoTime() - lagCheckedAt > LAG_CHECK_NANOS && !applier.inTransaction()) {
          lagCheckedAt = System.nanoTime();
          long lag = slots.lagBytes(pg);
          ChangeCaptureState.recordLag(duck, source.name(), lag, (System.nanoTime() - caughtUpAt) / 1e9);
          if (lag > source.maxLagBytes()) {
            return Outcome.LAG_EXCEEDED;
          }
        }
        sleep();
        continue;
      }
      PgOutputMessage message = PgOutputDecoder.decode(data);
      OptionalLong committed = applier.apply(message);
      if (committed.isPresent()) {
        hooks.committed(committed.getAsLong());
        LogSequenceNumber lsn = LogSequenceNumber.valueOf(committed.getAsLong());
        stream.setAppliedLSN(lsn);
        stream.setFlushedLSN(lsn);
      }
    }
    return Outcome.STOPPED;
  }

  /**
   * Between transactions every change up to the last position the source reported has been
   * applied: confirming it lets the source recycle WAL that other databases' traffic wrote.
   */
  private void confirmIdle(PGReplicationStream stream) {
    LogSequenceNumber received = stream.getLastReceiveLSN();
    if (received.asLong() > stream.getLastFlushedLSN().asLong() && received.asLong() >= applier.appliedLsn()) {
      stream.setAppliedLSN(received);
      stream.setFlushedLSN(received);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(SqlState.QUERY_CANCELED, "change stream interrupted", e);
    }
  }
}
