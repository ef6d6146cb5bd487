package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * SAVEPOINT, RELEASE and ROLLBACK TO over DuckDB, which has no savepoints. The session logs each
 * write of its open transaction (the DuckDB SQL it ran, the bound values and the rows it changed);
 * ROLLBACK TO rolls the DuckDB transaction back, begins a new one and replays the writes made before
 * the savepoint, so exactly those stay. Where a replay could not reproduce them (see
 * {@link ReplayHazards}, COPY FROM STDIN data not kept, a different row count on replay), ROLLBACK
 * TO is refused with 0A000 and the transaction is left aborted: it can only be rolled back, never
 * committed with rows missing or doubled.
 */
final class SavepointEmulation {
  /** Writes kept per transaction; past this, the transaction cannot roll back to a later savepoint. */
  static final int MAX_LOGGED_WRITES = 10_000;

  /** What the session does around a replay. */
  interface Restarter {
    /** Rolls back the DuckDB transaction and begins a new one with the same modes. */
    void restartTransaction();

    /** Prepares what a logged write needs before it runs again (the session's catalog objects). */
    void beforeReplay(SqlStatement statement);
  }

  /** One write of the open transaction, as DuckDB ran it; changedRows is -1 when unknown. */
  record LoggedWrite(SqlStatement statement, String duckDbSql, List<Object> values, long changedRows) {
    LoggedWrite {
      requireNonNull(statement, "statement is null");
      requireNonNull(duckDbSql, "duckDbSql is null");
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  private record Savepoint(String name, int writes) {}

  private final EngineSession engine;
  private final ReplayHazards hazards;
  private final List<LoggedWrite> writes = new ArrayList<>();
  private final List<Savepoint> savepoints = new ArrayList<>();
  /** The number of writes logged when the first write that cannot be replayed ran, or -1. */
  private int unreplayableAt = -1;
  private String unreplayableReason;

  SavepointEmulation(EngineSession engine) {
    this.engine = requireNonNull(engine, "engine is null");
    this.hazards = new ReplayHazards(engine);
  }

  /** A new DuckDB transaction began: nothing to replay, no savepoints. */
  void transactionStarted() {
    writes.clear();
    savepoints.clear();
    unreplayableAt = -1;
    unreplayableReason = null;
  }

  /** Logs a statement that ran in the open transaction, if it writes. */
  void executed(SqlStatement statement, String duckDbSql, List<Object> values, QueryResult result) {
    if (!ReadOnlyTransactions.writes(statement)) {
      return;
    }
    if (writes.size() >= MAX_LOGGED_WRITES) {
      unreplayable("more than " + MAX_LOGGED_WRITES + " writes");
      return;
    }
    String hazard = hazards.of(statement);
    if (hazard != null) {
      unreplayable(hazard);
    }
    long changed = result instanceof QueryResult.ChangedRows rows ? rows.count() : -1;
    writes.add(new LoggedWrite(statement, duckDbSql, values, changed));
  }

  /** A write ran that a replay could not reproduce (e.g. COPY FROM STDIN, whose data is not kept). */
  void unreplayable(String reason) {
    if (unreplayableAt < 0) {
      unreplayableAt = writes.size();
      unreplayableReason = reason;
    }
  }

  /**
   * Runs SAVEPOINT, RELEASE or ROLLBACK TO.
   *
   * @param inBlock whether an explicit transaction block is open (25P01 otherwise, as PostgreSQL)
   * @param aborted whether the transaction is aborted (only ROLLBACK TO is allowed then; the caller checks)
   */
  void run(SessionCommand.SavepointCommand command, boolean inBlock, boolean aborted, Restarter restarter) {
    if (!inBlock) {
      String what = switch (command.action()) {
        case SAVEPOINT -> "SAVEPOINT";
        case RELEASE -> "RELEASE SAVEPOINT";
        case ROLLBACK_TO -> "ROLLBACK TO SAVEPOINT";
      };
      throw new PlatformException(SqlState.NO_ACTIVE_SQL_TRANSACTION, what + " can only be used in transaction blocks");
    }
    switch (command.action()) {
      case SAVEPOINT -> savepoints.add(new Savepoint(command.name(), writes.size()));
      case RELEASE -> savepoints.subList(find(command.name()), savepoints.size()).clear();
      case ROLLBACK_TO -> rollbackTo(find(command.name()), aborted, restarter);
    }
  }

  /** How many savepoints are open. */
  int depth() {
    return savepoints.size();
  }

  private int find(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new PlatformException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
  }

  private void rollbackTo(int index, boolean aborted, Restarter restarter) {
    Savepoint savepoint = savepoints.get(index);
    savepoints.subList(index + 1, savepoints.size()).clear();
    if (!aborted && writes.size() == savepoint.writes()) {
      return; // nothing written since the savepoint and DuckDB's transaction is intact: nothing to undo
    }
    if (unreplayableAt >= 0 && unreplayableAt < savepoint.writes()) {
      throw refusal(savepoint, "the transaction's writes before it include " + unreplayableReason
          + ", which cannot be replayed exactly");
    }
    List<LoggedWrite> kept = new ArrayList<>(writes.subList(0, savepoint.writes()));
    List<Savepoint> keptSavepoints = new ArrayList<>(savepoints);
    restarter.restartTransaction();
    transactionStarted();
    for (LoggedWrite write : kept) {
      replay(write, savepoint, restarter);
    }
    savepoints.addAll(keptSavepoints);
  }

  private void replay(LoggedWrite write, Savepoint savepoint, Restarter restarter) {
    restarter.beforeReplay(write.statement());
    long changed;
    try (PreparedQuery query = engine.prepare(write.duckDbSql());
        QueryResult result = query.execute(write.values())) {
      if (result instanceof QueryResult.Rows rows) {
        rows.stream().drain();
      }
      changed = result instanceof QueryResult.ChangedRows rows ? rows.count() : -1;
    } catch (PlatformException e) {
      throw refusal(savepoint, "replaying the earlier write \"" + abbreviated(write) + "\" failed: " + e.getMessage());
    }
    if (write.changedRows() >= 0 && changed != write.changedRows()) {
      throw refusal(savepoint, "replaying the earlier write \"" + abbreviated(write) + "\" changed " + changed
          + " rows, not " + write.changedRows() + " as before (another session changed its data meanwhile)");
    }
    writes.add(write);
  }

  private static String abbreviated(LoggedWrite write) {
    String sql = write.statement().sql().strip();
    return sql.length() <= 80 ? sql : sql.substring(0, 77) + "...";
  }

  private static PlatformException refusal(Savepoint savepoint, String why) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
        "cannot roll back to savepoint \"" + savepoint.name() + "\": " + why,
        "DuckDB has no savepoints; the gateway emulates ROLLBACK TO by replaying the transaction's earlier writes.",
        "The transaction is aborted: roll it back (ROLLBACK) and run it again.", 0, null);
  }
}
