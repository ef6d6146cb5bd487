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

  WriteTurns(WriteOrder order, String sessionName, SessionParameters parameters) {
    this.writer = requireNonNull(order, "order is null").writer(sessionName);
    this.parameters = requireNonNull(parameters, "parameters is null");
  }

  /** Waits for the turn to write the table the statement writes, if it writes (lock_timeout applies). */
  void beforeRunning(SqlStatement statement) {
    if (ReadOnlyTransactions.writes(statement)) {
      writer.acquire(WrittenTable.of(statement), parameters.lockTimeoutMillis());
    }
  }

  /** The session's transaction (explicit, implicit or a single statement's) has ended. */
  void transactionEnded() {
    writer.releaseAll();
  }

  /** Cancels a wait for a turn (a cancel request arrived). */
  void cancelWait() {
    writer.cancelWait();
  }
}
