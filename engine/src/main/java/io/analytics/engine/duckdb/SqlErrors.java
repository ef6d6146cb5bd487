package io.analytics.engine.duckdb;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.SQLException;

/**
 * Turns an error from either way to the warehouse into a platform error: the gateway's errors
 * (through pgjdbc) already carry a SQLSTATE, DuckDB's own are mapped by {@link DuckDbErrors}.
 */
public final class SqlErrors {
  private SqlErrors() {}

  public static PlatformException translate(SQLException e, String sql) {
    String state = e.getSQLState();
    if (state != null && state.length() == 5) {
      for (SqlState known : SqlState.values()) {
        if (known.code().equals(state)) {
          return new PlatformException(known, e.getMessage() == null ? state : e.getMessage(), e);
        }
      }
    }
    return DuckDbErrors.translate(e, sql);
  }
}
