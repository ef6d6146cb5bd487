package io.analytics.engine.postgres.cdc;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.PostgresConnections;
import io.analytics.engine.postgres.SourceCatalogReader;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.postgres.SourceTable;
import io.analytics.engine.postgres.SyncStateTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one source by logical replication for as long as it runs: takes the initial snapshot (or
 * resumes from the LSN the warehouse recorded), streams, copies again when a table changes shape,
 * retries with back-off while the source is down, and stops (dropping its slot, so the source's disk
 * is never filled by a forgotten slot) when the lag passes the source's maximum. A source that does
 * not allow logical replication is recorded as polled and left to the syncs.
 */
public final class SourceChangeCapture implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceChangeCapture.class);
  private static final long MAX_BACKOFF_MILLIS = 30_000;
  private static final String COPY_AGAIN = "copying again";

  private final PostgresSourceConfig source;
  private final DuckDbDatabase database;
  private final SourceSynchronizer synchronizer;
  private final BooleanSupplier stillAttached;
  private final StreamHooks hooks;
  private final ChangeCaptureListener listener;
  private final ReplicationSlots slots;
  private volatile boolean closed;
  /** Set when a stream has started: a failure after that starts the back-off again from its shortest. */
  private volatile boolean streamed;

  /**
   * @param stillAttached whether the source is still configured (read again before a slot is created,
   *     so a detached source's slot is never made again)
   */
  public SourceChangeCapture(PostgresSourceConfig source, DuckDbDatabase database, SourceSynchronizer synchronizer,
      BooleanSupplier stillAttached, StreamHooks hooks) {
    this(source, database, synchronizer, stillAttached, hooks, ChangeCaptureListener.NONE);
  }

  /** @param listener told of each source transaction committed to the mirrors */
  public SourceChangeCapture(PostgresSourceConfig source, DuckDbDatabase database, SourceSynchronizer synchronizer,
      BooleanSupplier stillAttached, StreamHooks hooks, ChangeCaptureListener listener) {
    this.listener = requireNonNull(listener, "listener is null");
    this.source = requireNonNull(source, "source is null");
    this.database = requireNonNull(database, "database is null");
    this.synchronizer = requireNonNull(synchronizer, "synchronizer is null");
    this.stillAttached = requireNonNull(stillAttached, "stillAttached is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.slots = new ReplicationSlots(source);
  }

  /** Asks the loop to stop after the transaction it is applying. */
  public void stop() {
    closed = true;
  }

  @Override
  public void run() {
    long backoff = 500;
    while (!closed && !Thread.currentThread().isInterrupted()) {
      try (Connection duck = database.connect()) {
        ChangeCaptureState.ensure(duck);
        if (!followOnce(duck)) {
          return;
        }
        backoff = 500;
      } catch (ChangeApplier.ShapeChanged e) {
        LOG.info("postgres source {}: {}; copying its tables again", source.name(), e.getMessage());
        markForSnapshot(e.getMessage());
      } catch (PlatformException e) {
        if (closed) {
          return;
        }
        if (streamed) {
          backoff = 500;
          streamed = false;
        }
        LOG.warn("postgres source {}: change capture interrupted ({}); retrying in {} ms", source.name(),
            e.getMessage(), backoff);
        recordQuietly("retrying", e.getMessage(), backoff == 500);
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      } catch (SQLException e) {
        LOG.warn("postgres source {}: {}", source.name(), e.getMessage());
        sleep(backoff);
      }
    }
  }

  /** One connection's worth of following; false when change capture ends for good (not supported, stopped). */
  private boolean followOnce(Connection duck) throws SQLException {
    try (Connection pg = PostgresConnections.open(source)) {
      Optional<String> unsupported = ReplicationSlots.whyNotSupported(pg);
      if (unsupported.isPresent()) {
        ChangeCaptureState.recordNotStreaming(duck, source.name(), "polling", unsupported.get());
        SyncStateTables.releaseStreamedMirrors(duck, source.name());
        return false;
      }
      Optional<ChangeCaptureState.Row> state = ChangeCaptureState.read(duck, source.name());
      // Resumed from the recorded LSN unless a table changed shape (or change capture never ran here).
      boolean resumable = state.isPresent() && state.get().lsn() > 0 && !COPY_AGAIN.equals(state.get().status())
          && slots.slotExists(pg);
      long lsn;
      if (resumable) {
        lsn = state.get().lsn();
      } else {
        List<SourceTable> tables = ReplicationSlots.capturable(new SourceCatalogReader(source).tables(pg));
        if (tables.isEmpty()) {
          ChangeCaptureState.recordNotStreaming(duck, source.name(), "polling", "no table with a primary key");
          return false;
        }
        if (!stillAttached.getAsBoolean()) {
          return false;
        }
        lsn = synchronizer.exclusively(source.name(),
            () -> new ChangeCaptureSnapshot(source, slots).take(duck, pg, tables));
        LOG.info("postgres source {}: change capture copied {} table(s) at LSN {}", source.name(), tables.size(),
            org.postgresql.replication.LogSequenceNumber.valueOf(lsn).asString());
      }
      if (slots.lagBytes(pg) > source.maxLagBytes()) {
        return stopForLag(duck, pg);
      }
      streamed = true;
      try (ChangeApplier applier = new ChangeApplier(duck, source.name(), lsn, table -> sameShape(pg, table), listener)) {
        ChangeStream.Outcome outcome = new ChangeStream(source, slots, applier, duck, pg, hooks).run(() -> closed);
        if (outcome == ChangeStream.Outcome.LAG_EXCEEDED) {
          return stopForLag(duck, pg);
        }
        return false;
      }
    }
  }

  private boolean stopForLag(Connection duck, Connection pg) throws SQLException {
    long lag = slots.lagBytes(pg);
    slots.drop(pg);
    String message = "stopped: the replication slot kept " + lag + " bytes of WAL, over maxLagBytes "
        + source.maxLagBytes() + "; the slot was dropped and the source is polled";
    LOG.warn("postgres source {}: change capture {}", source.name(), message);
    ChangeCaptureState.recordNotStreaming(duck, source.name(), "stopped", message);
    SyncStateTables.releaseStreamedMirrors(duck, source.name());
    return false;
  }

  /** Whether the source's catalog shows {@code table} as its mirror was copied (a Relation message's false alarm). */
  private boolean sameShape(Connection pg, SourceTable table) {
    try (Connection duck = database.connect()) {
      String recorded = SyncStateTables.mirrorState(duck, source.name(), table.mirrorName()).map(s -> s[0]).orElse("");
      return new SourceCatalogReader(source).tables(pg).stream()
          .filter(t -> t.schema().equals(table.schema()) && t.name().equals(table.name()))
          .anyMatch(t -> t.signature().equals(recorded) && t.columns().size() == table.columns().size());
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close a DuckDB connection: " + e.getMessage(), e);
    }
  }

  private void markForSnapshot(String why) {
    recordQuietly(COPY_AGAIN, why, false);
  }

  /** @param interrupted whether this is the first failure since it last followed (recorded for status) */
  private void recordQuietly(String status, String message, boolean interrupted) {
    try (Connection duck = database.connect()) {
      ChangeCaptureState.ensure(duck);
      if (interrupted) {
        io.analytics.engine.postgres.SourceInterruptions.record(duck, source.name(), "change capture", message);
      }
      if (ChangeCaptureState.read(duck, source.name()).isPresent()) {
        SyncStateTables.run(duck, "UPDATE " + ChangeCaptureState.TABLE + " SET status = "
            + io.analytics.engine.postgres.PgIdentifiers.literal(status) + ", message = "
            + io.analytics.engine.postgres.PgIdentifiers.literal(String.valueOf(message)) + ", checked_at = now()"
            + " WHERE source = " + io.analytics.engine.postgres.PgIdentifiers.literal(source.name()));
      }
    } catch (SQLException | PlatformException e) {
      LOG.warn("postgres source {}: cannot record change capture status: {}", source.name(), e.getMessage());
    }
  }

  /** Sleeps in short steps so that stop() is heard within a tenth of a second. */
  private void sleep(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    try {
      while (!closed && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
