package io.analytics.engine.session;

/** What executing a prepared statement produces, known before it runs. */
public enum ReturnKind {
  /** A result set of rows. */
  ROWS,
  /** A count of changed rows (INSERT, UPDATE, DELETE...). */
  CHANGED_ROWS,
  /** Nothing (DDL, SET...). */
  NOTHING
}
