package io.analytics.engine.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbErrors;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBResultSet;

/**
 * The rows of one result, batch by batch, straight from DuckDB's Arrow export. While live it holds
 * the session's DuckDB connection (DuckDB streams one result per connection); {@link
 * #materialize()} drains the rest into memory to free the connection for another statement.
 */
public final class ResultStream implements AutoCloseable {
  private final EngineSession session;
  private final DuckDBPreparedStatement statement;
  private final DuckDBResultSet resultSet;
  private final ArrowReader reader;
  private final List<ResultColumn> columns;
  private final String sql;

  private Deque<ArrowRecordBatch> materialized;
  private VectorSchemaRoot materializedRoot;
  private boolean live = true;
  private boolean exhausted;
  private boolean closed;
  /** Why parking this result failed: reading on must fail the same way, not read a closed result. */
  private PlatformException parkFailure;

  ResultStream(
      EngineSession session,
      DuckDBPreparedStatement statement,
      DuckDBResultSet resultSet,
      ArrowReader reader,
      List<ResultColumn> columns,
      String sql) {
    this.session = requireNonNull(session, "session is null");
    this.statement = requireNonNull(statement, "statement is null");
    this.resultSet = requireNonNull(resultSet, "resultSet is null");
    this.reader = requireNonNull(reader, "reader is null");
    this.columns = requireNonNull(columns, "columns is null");
    this.sql = sql;
  }

  public List<ResultColumn> columns() {
    return columns;
  }

  /** Loads the next batch into {@link #batch()}; false when there are no more rows. */
  public boolean next() {
    if (exhausted || closed) {
      return false;
    }
    if (parkFailure != null) {
      throw parkFailure;
    }
    if (materialized != null) {
      ArrowRecordBatch next = materialized.poll();
      if (next == null) {
        exhausted = true;
        return false;
      }
      try (next) {
        new VectorLoader(materializedRoot).load(next);
      }
      return true;
    }
    boolean loaded = loadFromDuckDb();
    if (!loaded) {
      exhausted = true;
      release();
    }
    return loaded;
  }

  /** The current batch; valid until the next call to {@link #next()}. */
  public VectorSchemaRoot batch() {
    if (materializedRoot != null) {
      return materializedRoot;
    }
    try {
      return reader.getVectorSchemaRoot();
    } catch (IOException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot read result batch: " + e.getMessage(), e);
    }
  }

  /** Dictionaries of dictionary-encoded columns (DuckDB ENUMs). */
  public DictionaryProvider dictionaries() {
    return reader;
  }

  /** Whether this stream still occupies its DuckDB connection. */
  public boolean isLive() {
    return live;
  }

  /**
   * Reads every remaining batch into memory (keeping the current one current), so the DuckDB
   * connection can run another statement while this result stays open, as a suspended portal must.
   * {@link EngineSession} calls this before any other use of its connection; the batch returned by
   * {@link #batch()} is a different object afterwards.
   */
  void materialize() {
    if (!live || closed) {
      return;
    }
    Deque<ArrowRecordBatch> batches = new ArrayDeque<>();
    try {
      VectorSchemaRoot current = reader.getVectorSchemaRoot();
      // Also closed when reading the rest fails (the per-query memory limit, a DuckDB error), so a
      // failed materialization leaves no Arrow memory behind.
      try (ArrowRecordBatch currentBatch = new VectorUnloader(current).getRecordBatch()) {
        while (loadFromDuckDb()) {
          batches.add(new VectorUnloader(reader.getVectorSchemaRoot()).getRecordBatch());
        }
        materializedRoot = VectorSchemaRoot.create(current.getSchema(), session.allocator());
        new VectorLoader(materializedRoot).load(currentBatch);
        materialized = batches;
      }
    } catch (IOException | RuntimeException e) {
      batches.forEach(ArrowRecordBatch::close);
      parkFailure = e instanceof PlatformException p
          ? p
          : new PlatformException(SqlState.INTERNAL_ERROR, "cannot materialize result: " + e.getMessage(), e);
      throw parkFailure;
    } finally {
      release();
    }
  }

  /** Reads and discards the remaining rows. */
  public void drain() {
    while (next()) {
      // discard
    }
  }

  private boolean loadFromDuckDb() {
    boolean loaded;
    try {
      loaded = reader.loadNextBatch();
    } catch (IOException | RuntimeException e) {
      if (session.cancelReason() != null) {
        throw session.cancelledError();
      }
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw DuckDbErrors.translate(stripJavaPrefix(message), sql, e);
    }
    checkQueryMemory();
    return loaded;
  }

  /**
   * The per-query memory limit (gateway.limits.queryMemory), checked once a batch has arrived rather
   * than by capping the allocator: when Arrow's C data import is refused half-way by a capped
   * allocator it leaks a few hundred bytes, which the session could never give back. So a result may
   * hold one batch more than the limit for a moment, never more.
   */
  private void checkQueryMemory() {
    long held = session.allocator().getAllocatedMemory();
    if (held > session.queryMemoryBytes()) {
      throw new PlatformException(SqlState.OUT_OF_MEMORY, "out of memory: the result needs more memory than one query may "
          + "hold in the gateway (gateway.limits.queryMemory, " + session.queryMemoryBytes() + " bytes)",
          "The session's results held " + held + " bytes of Arrow memory when it was stopped.",
          "Select fewer or narrower rows, read a result to its end before running another statement in the same "
              + "transaction, or raise gateway.limits.queryMemory.",
          0, null);
    }
  }

  private static String stripJavaPrefix(String message) {
    int errorClass = message.indexOf(" Error: ");
    int start = errorClass < 0 ? 0 : message.lastIndexOf(' ', Math.max(0, message.lastIndexOf(' ', errorClass) - 1));
    return errorClass < 0 ? message : message.substring(Math.max(0, start)).trim();
  }

  /** Gives the DuckDB connection back (the result is drained or no longer needed). */
  private void release() {
    if (!live) {
      return;
    }
    live = false;
    session.finished(statement);
    session.streamReleased(this);
    try {
      resultSet.close();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot close result: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (materialized != null) {
        materialized.forEach(ArrowRecordBatch::close);
        materialized = null;
      }
      if (materializedRoot != null) {
        materializedRoot.close();
      }
      reader.close();
    } catch (IOException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot close result: " + e.getMessage(), e);
    } finally {
      release();
    }
  }
}
