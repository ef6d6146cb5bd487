package io.analytics.engine.duckdb;

/**
 * What DuckDB's parser says a statement is (its {@code StatementType}, as {@code
 * duckdb_v2_sql_statement_get_type} reports it, before binding): the kind the guard decides on for
 * statements DuckDB gives no parse tree for. Codes are DuckDB 2.0's; an unknown code is {@link #OTHER}.
 */
public enum DuckDbStatementType {
  SELECT(1),
  INSERT(2),
  UPDATE(3),
  CREATE(4),
  /** DELETE and TRUNCATE. */
  DELETE(5),
  PREPARE(6),
  EXECUTE(7),
  /** ALTER and COMMENT ON. */
  ALTER(8),
  TRANSACTION(9),
  COPY(10),
  ANALYZE(11),
  VARIABLE_SET(12),
  CREATE_FUNC(13),
  EXPLAIN(14),
  /** DROP, and DEALLOCATE (of a prepared statement). */
  DROP(15),
  EXPORT(16),
  /** PRAGMA, and IMPORT DATABASE (a pragma to DuckDB). */
  PRAGMA(17),
  /** VACUUM and ANALYZE. */
  VACUUM(18),
  /** CALL and CHECKPOINT. */
  CALL(19),
  /** SET, RESET, USE and SET VARIABLE. */
  SET(20),
  /** LOAD and INSTALL. */
  LOAD(21),
  RELATION(22),
  EXTENSION(23),
  LOGICAL_PLAN(24),
  ATTACH(25),
  DETACH(26),
  /** PIVOT and other statements DuckDB expands into several. */
  MULTI(27),
  COPY_DATABASE(28),
  UPDATE_EXTENSIONS(29),
  MERGE_INTO(30),
  OTHER(-1);

  private final int code;

  DuckDbStatementType(int code) {
    this.code = code;
  }

  static DuckDbStatementType of(int code) {
    for (DuckDbStatementType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return OTHER;
  }
}
