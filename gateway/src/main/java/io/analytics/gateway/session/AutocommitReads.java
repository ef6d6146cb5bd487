package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;

/**
 * Which extended-protocol statements run in DuckDB's autocommit instead of opening PostgreSQL's
 * implicit transaction up to Sync: a SELECT has nothing to roll back if a later message of the batch
 * fails, and under READ COMMITTED each statement takes its own snapshot anyway, so the BEGIN and
 * COMMIT around it (as costly in DuckDB as the statement itself for a short read) bring nothing. A
 * later write in the same batch still opens the implicit transaction, so writes stay atomic.
 */
final class AutocommitReads {
  private AutocommitReads() {}

  /** Whether {@code statement} needs the implicit transaction (anything but a plain SELECT). */
  static boolean needsImplicitTransaction(SqlStatement statement) {
    return !statement.keyword().equals("SELECT");
  }
}
