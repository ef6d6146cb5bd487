package io.analytics.gateway.security;

/** What a statement does, as far as permissions are concerned. */
public enum StatementKind {
  /** Reads: SELECT, VALUES, TABLE, FROM-first, SHOW, DESCRIBE, SUMMARIZE, PIVOT, EXPLAIN of a read. */
  READ,
  /** Changes rows of warehouse tables: INSERT, UPDATE, DELETE, MERGE, TRUNCATE. */
  WRITE,
  /** Changes the schema: CREATE, DROP, ALTER, COMMENT. */
  DDL,
  /** CHECKPOINT, VACUUM, ANALYZE. */
  MAINTENANCE,
  /** Session and transaction housekeeping DuckDB runs: BEGIN/COMMIT/ROLLBACK, USE, PREPARE/EXECUTE/DEALLOCATE. */
  SESSION,
  /** SET/RESET/PRAGMA of a DuckDB setting (only session-local ones are allowed). */
  SETTING,
  /** CALL of a table function. */
  CALL,
  /**
   * Never from a client: INSTALL, LOAD, ATTACH, DETACH, COPY to or from a file, EXPORT/IMPORT
   * DATABASE, UPDATE EXTENSIONS, CREATE SECRET.
   */
  FORBIDDEN,
  /** Not a statement DuckDB knows; DuckDB will refuse it with a syntax error. */
  UNKNOWN
}
