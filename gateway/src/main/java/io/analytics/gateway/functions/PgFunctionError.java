package io.analytics.gateway.functions;

import io.analytics.catalog.error.SqlState;

/**
 * An error of one of the {@link PgJavaFunctions} with PostgreSQL's SQLSTATE. Raised inside DuckDB, it reaches the
 * client through DuckDB's message, which keeps the {@code [SQLSTATE]} prefix put on it here (see DuckDbErrors).
 */
final class PgFunctionError extends RuntimeException {
  PgFunctionError(SqlState state, String text) {
    super("[" + state.code() + "] " + text);
  }
}
