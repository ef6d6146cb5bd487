package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;

/**
 * One translation from PostgreSQL's dialect to DuckDB's, working on the lexer's tokens (so string
 * literals and comments are never mistaken for code). A stage returns the statement itself when it
 * has nothing to change, and throws a PlatformException with PostgreSQL's SQLSTATE when the input
 * is invalid or cannot be translated exactly (never a guess).
 */
public interface DialectStage {
  SqlStatement apply(SqlStatement statement);
}
