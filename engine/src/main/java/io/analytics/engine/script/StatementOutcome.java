package io.analytics.engine.script;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.QueryRows;

/**
 * What one statement of a script did: the rows it returned (for a query) or how many rows it changed.
 *
 * @param sql the statement as run
 * @param rows the result of a query, or null
 * @param updateCount rows changed, or -1
 */
public record StatementOutcome(String sql, QueryRows rows, long updateCount) {
  public StatementOutcome {
    requireNonNull(sql, "sql is null");
  }
}
