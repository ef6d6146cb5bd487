package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.WriteOrder;
import io.analytics.gateway.sql.SqlStatement;

/**
 * A session's turns to write tables (see {@link WriteOrder}): taken before a write runs, kept until
 * its transaction ends, so that concurrent writers of a table wait for each other as PostgreSQL's
 * row locks make them wait, instead of failing with DuckDB's write-write conflicts.
 */
final class WriteTurns {
  private final WriteOrder.Writer writer;
  private final SessionParameters parameters;
  /** Whether a statement ran in the current transaction. */
  private boolean ranStatements;

  WriteTurns(WriteOrder order, String sessionName, SessionParameters parameters) {
    this.writer = requireNonNull(order, "order is null").writer(sessionName);
    this.parameters = requireNonNull(parameters, "parameters is null");
  }

  /**
   * Waits for the turn to write the table the statement writes, if it writes (lock_timeout applies).
   *
   * @return whether DuckDB's transaction should begin again before the statement runs: it had to
   *     wait for the turn and has run nothing yet, so its snapshot (which a Parse not waiting for the
   *     turn, or a catalog lookup, may have started) predates the previous holder's commit, and
   *     writing the rows that holder wrote would fail with a conflict
   */
  boolean beforeRunning(SqlStatement statement) {
    if (ReadOnlyTransactions.writes(statement)) {
      return writer.acquire(WrittenTable.of(statement), parameters.lockTimeoutMillis()) && !ranStatements;
    }
    return false;
  }

  /** A statement ran in the session's transaction. */
  void executed() {
    ranStatements = true;
  }

  /** The session's transaction (explicit, implicit or a single statement's) has ended. */
  void transactionEnded() {
    ranStatements = false;
    writer.releaseAll();
  }

  /** Cancels a wait for a turn (a cancel request arrived). */
  void cancelWait() {
    writer.cancelWait();
  }
}
