package io.analytics.engine.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.CatalogChanges;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.duckdb.ParseTreeCache;
import io.analytics.engine.duckdb.RegisteredFunctions;
import io.analytics.engine.postgres.SourceOutages;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * One client's conversation with DuckDB: owns one DuckDB connection (never shared between
 * threads), prepares and runs statements on it, and can be cancelled from another thread.
 *
 * <p>DuckDB streams one result per connection: any other call on the connection ends it. So this
 * class owns that single stream: before any DuckDB call, whoever makes it, the live result (a
 * suspended portal, an open cursor) is parked, that is read into memory, and stays readable.
 */
public final class EngineSession implements AutoCloseable {
  private final DuckDBConnection connection;
  private final BufferAllocator allocator;
  private final int batchRows;
  private final long queryMemoryBytes;
  private final AtomicReference<DuckDBPreparedStatement> running = new AtomicReference<>();
  /** The result streaming from the connection now, if any; only touched by the session's thread. */
  private ResultStream live;
  private volatile CancelReason cancelReason;
  /** Whether a client statement is in progress: a cancel then stops it even between two DuckDB calls. */
  private volatile boolean inStatement;
  private final ParseTreeCache parseTrees;
  private final CatalogChanges catalogChanges;
  private final RegisteredFunctions registeredFunctions;
  private final PlanCache plans;
  /** The TEMP macros this session defined, as defined (see {@link #temporaryMacros}). */
  private final TemporaryMacros temporaryMacros = new TemporaryMacros();

  public EngineSession(DuckDBConnection connection, BufferAllocator allocator, int batchRows) {
    this(connection, allocator, batchRows, Long.MAX_VALUE);
  }

  /**
   * @param queryMemoryBytes Arrow memory one result may hold in {@code allocator} (Long.MAX_VALUE: no
   *     bound); checked after each batch, see {@link ResultStream}
   */
  public EngineSession(DuckDBConnection connection, BufferAllocator allocator, int batchRows, long queryMemoryBytes) {
    this(connection, allocator, batchRows, queryMemoryBytes, new ParseTreeCache(1L << 20));
  }

  /**
   * @param parseTrees parse trees shared with the other sessions of the same DuckDB instance (see
   *     {@link io.analytics.engine.duckdb.DuckDbDatabase#parseTrees()})
   */
  public EngineSession(
      DuckDBConnection connection, BufferAllocator allocator, int batchRows, long queryMemoryBytes, ParseTreeCache parseTrees) {
    this(connection, allocator, batchRows, queryMemoryBytes, parseTrees, new CatalogChanges());
  }

  /**
   * @param catalogChanges the changes counted on the session's DuckDB instance (see
   *     {@link io.analytics.engine.duckdb.DuckDbDatabase#catalogChanges()}): this session counts its
   *     own, and keeps prepared statements (see {@link #prepareKept}) only while nothing changed
   */
  public EngineSession(DuckDBConnection connection, BufferAllocator allocator, int batchRows, long queryMemoryBytes,
      ParseTreeCache parseTrees, CatalogChanges catalogChanges) {
    this(connection, allocator, batchRows, queryMemoryBytes, parseTrees, catalogChanges, new RegisteredFunctions());
  }

  /**
   * @param registeredFunctions the Java functions registered in the session's DuckDB instance (see
   *     {@link io.analytics.engine.duckdb.DuckDbDatabase#registeredFunctions()})
   */
  public EngineSession(DuckDBConnection connection, BufferAllocator allocator, int batchRows, long queryMemoryBytes,
      ParseTreeCache parseTrees, CatalogChanges catalogChanges, RegisteredFunctions registeredFunctions) {
    this.registeredFunctions = requireNonNull(registeredFunctions, "registeredFunctions is null");
    this.catalogChanges = requireNonNull(catalogChanges, "catalogChanges is null");
    this.plans = new PlanCache(this, catalogChanges);
    this.parseTrees = requireNonNull(parseTrees, "parseTrees is null");
    this.connection = requireNonNull(connection, "connection is null");
    this.allocator = requireNonNull(allocator, "allocator is null");
    this.batchRows = batchRows;
    this.queryMemoryBytes = queryMemoryBytes;
  }

  /** Prepares (parses and binds) a statement without running it. */
  public PreparedQuery prepare(String sql) {
    requireNonNull(sql, "sql is null");
    parkLiveResult();
    try {
      DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
      PreparedQuery query = new PreparedQuery(this, statement, sql);
      if (query.returnKind() == ReturnKind.ROWS && LongColumnNames.present(query.columns())) {
        query.close();
        String wrapped = LongColumnNames.wrap(sql, query.columns());
        return new PreparedQuery(this, connection.prepareStatement(wrapped).unwrap(DuckDBPreparedStatement.class), wrapped);
      }
      return query;
    } catch (SQLException e) {
      throw SourceOutages.explain(connection, sql, DuckDbErrors.translate(e, sql));
    }
  }

  /**
   * Like {@link #prepare}, for a SELECT (a text {@link #parseTree} reads as one): the session keeps
   * the prepared statement and hands it out again for the same text while the instance's catalog and
   * {@code sessionState} (an immutable value such as the session's settings, compared by identity)
   * stay as they were. Close what this returns exactly once, as any prepared query.
   */
  public PreparedQuery prepareKept(String sql, Object sessionState) {
    return plans.prepare(sql, sessionState);
  }

  /** The instance's count of catalog changes (see CatalogChanges): what is learned of the catalog holds while it stays. */
  public long catalogVersion() {
    return catalogChanges.version();
  }

  /** Something this session ran may have changed the catalog or name resolution: kept plans are stale. */
  void catalogChanged() {
    catalogChanges.changed();
  }

  /**
   * DuckDB's own parse tree of a SELECT statement as JSON ({@code json_serialize_sql}), for
   * inspecting what a statement reads without running it; an object with {@code "error": true}
   * for statements that are not SELECTs or do not parse.
   */
  public String parseTree(String sql) {
    return parseTrees.get(sql, this::serialize);
  }

  private String serialize(String sql) {
    parkLiveResult();
    try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /** The first column of a small query's rows as strings (for catalog lookups; not for results). */
  public java.util.List<String> firstColumn(String sql, Object... parameters) {
    parkLiveResult();
    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      java.util.List<String> values = new java.util.ArrayList<>();
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /**
   * DuckDB's plan for an EXPLAIN [ANALYZE] statement, one line per element: DuckDB answers with
   * (explain_key, explain_value) rows whose values hold the rendered plan.
   */
  public java.util.List<String> explain(String sql) {
    parkLiveResult();
    try (DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
      // Registered as running, so that a cancel or statement_timeout stops an EXPLAIN ANALYZE.
      started(statement);
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int valueColumn = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          String value = rows.getString(valueColumn);
          if (value != null) {
            value.lines().forEach(lines::add);
          }
        }
        return lines;
      } finally {
        finished(statement);
      }
    } catch (SQLException e) {
      throw translate(e, sql);
    }
  }

  /** Runs a statement that returns nothing the caller needs (BEGIN, SET, ...): counted as a catalog change. */
  public void execute(String sql) {
    try (PreparedQuery query = prepare(sql);
        QueryResult result = query.execute(java.util.List.of())) {
      if (result instanceof QueryResult.Rows rows) {
        rows.stream().drain();
      }
      temporaryMacros.ran(sql);
    } finally {
      catalogChanges.changed();
    }
  }

  /**
   * Runs {@code sql}, a statement that reads the rows {@code readerFor} decodes under the table name
   * {@code streamName} (DuckDB pulls them batch by batch through the Arrow C stream interface, so they
   * are never all in memory); returns the rows it changed. Cancellable as any statement; the stream's
   * name is dropped afterwards.
   */
  public long executeReadingArrow(String sql, String streamName, Function<BufferAllocator, ArrowReader> readerFor) {
    parkLiveResult();
    try (BufferAllocator streamAllocator = allocator.newChildAllocator("arrow-stream", 0, Long.MAX_VALUE);
        ArrowReader reader = readerFor.apply(streamAllocator);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(streamAllocator)) {
      Data.exportArrayStream(streamAllocator, reader, stream);
      connection.registerArrowStream(streamName, stream);
      try (PreparedQuery query = prepare(sql);
          QueryResult result = query.execute(java.util.List.of())) {
        return result instanceof QueryResult.ChangedRows changed ? changed.count() : 0;
      } finally {
        dropStreamView(streamName);
      }
    } catch (java.io.IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close an Arrow stream: " + e.getMessage(), e);
    }
  }

  /** DuckDB keeps a registered stream as a temporary view; it would outlive the stream it reads. */
  private void dropStreamView(String streamName) {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP VIEW IF EXISTS temp.main.\"" + streamName.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      // Nothing more to release: the view only names a stream that is closed now.
    }
  }

  /** The Java functions known to be registered in this session's DuckDB instance. */
  public RegisteredFunctions registeredFunctions() {
    return registeredFunctions;
  }

  /** Runs {@code registration} on this session's connection; a DuckDB error becomes a PlatformException. */
  public void register(FunctionRegistration registration) {
    try {
      registration.register(connection);
    } catch (SQLException e) {
      throw translate(e, null);
    }
  }

  /**
   * Stops the statement that is running or streaming now, if any; safe from any thread. A cancel
   * that arrives while nothing runs is ignored, as in PostgreSQL.
   */
  public void cancel(CancelReason reason) {
    if (inStatement) {
      // Seen by the statement's next DuckDB call or batch, if DuckDB is not running it this instant.
      cancelReason = reason;
    }
    DuckDBPreparedStatement statement = running.get();
    if (statement == null) {
      return;
    }
    cancelReason = reason;
    try {
      statement.cancel();
    } catch (SQLException e) {
      // The statement finished or closed between the check and the cancel: nothing to stop.
    }
  }

  /**
   * A client statement begins: until {@link #endStatement()}, a {@link #cancel} stops it also when it
   * arrives between two of its DuckDB calls (before its execution, between batches, while a COPY
   * waits for data), and a DuckDB call it makes after the cancel fails at once.
   */
  public void beginStatement() {
    cancelReason = null;
    inStatement = true;
  }

  /** The client statement ended: a cancel from now on finds nothing to stop, as in PostgreSQL. */
  public void endStatement() {
    inStatement = false;
  }

  /** Why the current statement was cancelled, or null. */
  public CancelReason cancelReason() {
    return cancelReason;
  }

  /**
   * The definitions of the TEMP macros this session made, oldest first: a statement whose error DuckDB
   * lost is run again on a connection of its own to learn it, and needs them there (see
   * StreamedErrorRecovery).
   */
  java.util.List<String> temporaryMacros() {
    return temporaryMacros.definitions();
  }

  DuckDBConnection connection() {
    return connection;
  }

  /**
   * Reads the live result, if any, into memory so the connection is free for the call about to be
   * made; the result stays open and readable from memory. A failure to read it (the per-query memory
   * limit, a DuckDB error) is raised here, for the statement that needed the connection.
   */
  void parkLiveResult() {
    ResultStream stream = live;
    if (stream != null) {
      live = null;
      stream.materialize();
    }
  }

  /** A result now streams from the connection. */
  void streaming(ResultStream stream) {
    live = stream;
  }

  /** A result stopped streaming (read to its end, parked or closed). */
  void streamReleased(ResultStream stream) {
    if (live == stream) {
      live = null;
    }
  }

  BufferAllocator allocator() {
    return allocator;
  }

  /** Arrow memory one result may hold (gateway.limits.queryMemory); a materialized result is held to it too. */
  public long queryMemoryBytes() {
    return queryMemoryBytes;
  }

  int batchRows() {
    return batchRows;
  }

  void started(DuckDBPreparedStatement statement) {
    if (!inStatement) {
      cancelReason = null;
    }
    running.set(statement);
    // Checked after publishing the statement, so a concurrent cancel either sees it or is seen here.
    if (inStatement && cancelReason != null) {
      running.compareAndSet(statement, null);
      throw cancelledError();
    }
  }

  void finished(DuckDBPreparedStatement statement) {
    running.compareAndSet(statement, null);
  }

  /** Translates an error, reporting it as a cancellation when this session was cancelled. */
  PlatformException translate(SQLException e, String sql) {
    CancelReason reason = cancelReason;
    if (reason != null) {
      return new PlatformException(cancelState(reason), reason.message(), e);
    }
    return DuckDbErrors.translate(e, sql);
  }

  /** The error to raise when a cancel was seen outside DuckDB (e.g. between batches). */
  public PlatformException cancelledError() {
    CancelReason reason = cancelReason == null ? CancelReason.USER_REQUEST : cancelReason;
    return new PlatformException(cancelState(reason), reason.message());
  }

  private static SqlState cancelState(CancelReason reason) {
    return reason == CancelReason.SHUTDOWN ? SqlState.ADMIN_SHUTDOWN : SqlState.QUERY_CANCELED;
  }

  @Override
  public void close() {
    DuckDBPreparedStatement statement = running.getAndSet(null);
    try {
      if (statement != null) {
        statement.cancel();
      }
      plans.closeAll();
      connection.close();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close DuckDB connection: " + e.getMessage(), e);
    }
  }
}
