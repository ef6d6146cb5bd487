package io.analytics.engine.session;

import static java.util.Objects.requireNonNull;

/** A column of a query result: its label and DuckDB's name for its type (e.g. "DECIMAL(18,4)"). */
public record ResultColumn(String name, String duckDbType) {
  public ResultColumn {
    requireNonNull(name, "name is null");
    requireNonNull(duckDbType, "duckDbType is null");
  }
}
