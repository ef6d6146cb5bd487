package io.analytics.engine.duckdb;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBConnection;

/**
 * Finds the reason for a failure that duckdb_jdbc reports only as "Invalid result set". A streamed
 * query that fails while DuckDB computes its first rows records the error on a worker thread just
 * after execute returned, and the driver then reports the broken result instead of the error. Run
 * again without streaming, DuckDB reports the error itself; the first attempt changed nothing, since
 * a failed statement is rolled back.
 */
public final class StreamedErrorRecovery {
  private static final String LOST_ERROR = "Invalid result set";
  /** Errors about names or transactions come from a different context, not from the statement's data. */
  private static final List<String> CONTEXT_ERRORS = List.of("binder error", "catalog error", "parser error", "transactioncontext error");

  private StreamedErrorRecovery() {}

  public static boolean isLostError(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains(LOST_ERROR);
  }

  /**
   * The error the statement raises when run without streaming: on the session's own connection
   * (which sees its temporary tables and settings) when no transaction block is open; inside one,
   * the failure has aborted the block, so a SELECT is re-run on a connection of its own instead.
   */
  public static PlatformException recover(DuckDBConnection connection, String sql, List<Object> parameters, SQLException lost) {
    return recover(connection, sql, parameters, lost, List.of());
  }

  /**
   * As above; {@code sessionMacros} define the TEMP macros the session's statements may call, which a
   * connection of its own has to be given before the statement can run there.
   */
  public static PlatformException recover(DuckDBConnection connection, String sql, List<Object> parameters, SQLException lost,
      List<String> sessionMacros) {
    SQLException again;
    try {
      again = materializedRun(connection, sql, parameters);
    } catch (SQLException abortedTransaction) {
      again = selectOnOwnConnection(connection, sql, parameters, sessionMacros);
      if (again != null && isContextError(again)) {
        again = null;
      }
    }
    if (again == null) {
      return new PlatformException(SqlState.INTERNAL_ERROR, "the query failed while DuckDB computed its first rows, and "
          + "DuckDB's streaming interface lost the reason (run it outside a transaction block to see it)", lost);
    }
    return DuckDbErrors.translate(again, sql);
  }

  /** The statement's error without streaming, or null if it succeeded; throws if streaming cannot be turned off here. */
  private static SQLException materializedRun(Connection connection, String sql, List<Object> parameters) throws SQLException {
    try (Statement settings = connection.createStatement()) {
      settings.execute("SET SESSION jdbc_stream_results = false");
      try {
        return runOnce(connection, sql, parameters);
      } finally {
        settings.execute("SET SESSION jdbc_stream_results = true");
      }
    }
  }

  private static SQLException selectOnOwnConnection(DuckDBConnection session, String sql, List<Object> parameters,
      List<String> sessionMacros) {
    try (Connection own = session.duplicate(); Statement settings = own.createStatement()) {
      settings.execute("SET SESSION jdbc_stream_results = false");
      for (String macro : sessionMacros) {
        try {
          settings.execute(macro);
        } catch (SQLException e) {
          // One the statement does not need (one over the session's temporary views, say): the rest still help.
        }
      }
      if (!isSelect(own, sql)) {
        return null; // re-running anything else outside its transaction could change data
      }
      return runOnce(own, sql, parameters);
    } catch (SQLException e) {
      return null;
    }
  }

  private static boolean isSelect(Connection connection, String sql) throws SQLException {
    try (PreparedStatement parse = connection.prepareStatement("SELECT json_extract(json_serialize_sql(?), '$.error')::BOOLEAN")) {
      parse.setString(1, sql);
      try (ResultSet error = parse.executeQuery()) {
        return error.next() && !error.getBoolean(1);
      }
    }
  }

  private static SQLException runOnce(Connection connection, String sql, List<Object> parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      statement.executeQuery().close();
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  private static boolean isContextError(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return CONTEXT_ERRORS.stream().anyMatch(message::startsWith);
  }
}
