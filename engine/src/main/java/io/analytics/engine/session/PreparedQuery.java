package io.analytics.engine.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.StreamedErrorRecovery;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBResultSet;
import org.duckdb.DuckDBResultSetMetaData;

/**
 * A statement DuckDB has parsed and bound: its result columns, parameter types and return kind are
 * known without running it, and it can be executed many times with different parameters.
 */
public final class PreparedQuery implements AutoCloseable {
  private final EngineSession session;
  /** Re-prepared when DuckDB closed it: duckdb_jdbc closes a statement whose execution failed. */
  private DuckDBPreparedStatement statement;
  private final String sql;
  private final ReturnKind returnKind;
  private final List<ResultColumn> columns;
  private final List<String> parameterTypes;
  /** Set when a {@link PlanCache} keeps this statement: closing it then gives it back instead. */
  private Runnable giveBack;

  PreparedQuery(EngineSession session, DuckDBPreparedStatement statement, String sql) throws SQLException {
    this.session = requireNonNull(session, "session is null");
    this.statement = requireNonNull(statement, "statement is null");
    this.sql = requireNonNull(sql, "sql is null");
    DuckDBResultSetMetaData metaData = statement.getMetaData().unwrap(DuckDBResultSetMetaData.class);
    this.returnKind =
        switch (metaData.getReturnType()) {
          case QUERY_RESULT -> ReturnKind.ROWS;
          case CHANGED_ROWS -> ReturnKind.CHANGED_ROWS;
          default -> ReturnKind.NOTHING;
        };
    List<ResultColumn> resultColumns = new ArrayList<>();
    if (returnKind == ReturnKind.ROWS) {
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        resultColumns.add(new ResultColumn(metaData.getColumnLabel(i), metaData.getColumnTypeName(i)));
      }
    }
    this.columns = List.copyOf(resultColumns);
    ParameterMetaData parameters = statement.getParameterMetaData();
    List<String> types = new ArrayList<>();
    for (int i = 1; i <= parameters.getParameterCount(); i++) {
      types.add(parameterTypeName(parameters, i));
    }
    this.parameterTypes = List.copyOf(types);
  }

  private static String parameterTypeName(ParameterMetaData parameters, int index) {
    try {
      String name = parameters.getParameterTypeName(index);
      return name == null ? "UNKNOWN" : name;
    } catch (SQLException e) {
      // DuckDB could not resolve the type from the statement alone.
      return "UNKNOWN";
    }
  }

  public String sql() {
    return sql;
  }

  public ReturnKind returnKind() {
    return returnKind;
  }

  /** Result columns as DuckDB bound them; empty unless {@link #returnKind()} is ROWS. */
  public List<ResultColumn> columns() {
    return columns;
  }

  /** DuckDB's type name for each parameter; "UNKNOWN" or "INVALID" where it could not infer one. */
  public List<String> parameterTypes() {
    return parameterTypes;
  }

  /** Runs the statement with these parameter values (Java objects DuckDB's setObject accepts). */
  public QueryResult execute(List<Object> parameters) {
    if (parameters.size() != parameterTypes.size()) {
      throw new PlatformException(
          SqlState.PROTOCOL_VIOLATION,
          "bind message supplies " + parameters.size() + " parameters, but prepared statement requires "
              + parameterTypes.size());
    }
    session.parkLiveResult();
    reprepareIfClosed();
    session.started(statement);
    boolean streaming = false;
    try {
      bind(parameters);
      ReturnKind kind = returnKind;
      if (unresolved()) {
        // DuckDB bound the statement only now, with the values: an UPDATE SET x = x + $1 turns out to change rows.
        kind = statement.execute() ? ReturnKind.ROWS : ReturnKind.CHANGED_ROWS;
        if (kind == ReturnKind.CHANGED_ROWS) {
          return new QueryResult.ChangedRows(statement.getLargeUpdateCount());
        }
      }
      switch (kind) {
        case ROWS -> {
          QueryResult.Rows rows = streamRows(parameters);
          streaming = true;
          return rows;
        }
        case CHANGED_ROWS -> {
          return new QueryResult.ChangedRows(statement.executeLargeUpdate());
        }
        default -> {
          statement.execute();
          return new QueryResult.Nothing();
        }
      }
    } catch (SQLException e) {
      throw session.translate(e, sql);
    } finally {
      if (!streaming) {
        session.finished(statement);
      }
      if (giveBack == null) {
        // Only kept statements are known to be SELECTs; anything else may have changed the catalog.
        session.catalogChanged();
      }
    }
  }

  private void bind(List<Object> parameters) throws SQLException {
    statement.clearParameters();
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  /**
   * Runs (or, when DuckDB bound it only at execute, reads) the query and streams its rows over
   * DuckDB's Arrow export; the session then holds the stream as its live result.
   */
  private QueryResult.Rows streamRows(List<Object> parameters) throws SQLException {
    DuckDBResultSet resultSet;
    try {
      resultSet = unresolved()
          ? statement.getResultSet().unwrap(DuckDBResultSet.class)
          : statement.executeQuery().unwrap(DuckDBResultSet.class);
    } catch (SQLException e) {
      if (session.cancelReason() == null && StreamedErrorRecovery.isLostError(e)) {
        throw StreamedErrorRecovery.recover(session.connection(), sql, parameters, e, session.temporaryMacros());
      }
      throw e;
    }
    ArrowReader reader;
    try {
      reader = (ArrowReader) resultSet.arrowExportStream(session.allocator(), session.batchRows());
    } catch (SQLException | RuntimeException e) {
      resultSet.close();
      throw e;
    }
    ResultStream stream = new ResultStream(session, statement, resultSet, reader, columns, sql);
    session.streaming(stream);
    return new QueryResult.Rows(stream);
  }

  /**
   * Whether DuckDB could not bind the statement before its parameters' values were known (a
   * parameter whose type the statement does not determine, as in {@code x + $1}): it then reports
   * one result column of type UNKNOWN whatever the statement is.
   */
  private boolean unresolved() {
    return returnKind == ReturnKind.ROWS && columns.size() == 1 && columns.get(0).duckDbType().equals("UNKNOWN");
  }

  /** This statement is kept by a plan cache: {@link #close()} calls {@code giveBack} rather than closing it. */
  void keptBy(Runnable giveBack) {
    this.giveBack = requireNonNull(giveBack, "giveBack is null");
  }

  private void reprepareIfClosed() {
    try {
      if (statement.isClosed()) {
        statement = session.connection().prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
      }
    } catch (SQLException e) {
      throw session.translate(e, sql);
    }
  }

  @Override
  public void close() {
    if (giveBack != null) {
      giveBack.run();
      return;
    }
    closeStatement();
  }

  /** Closes DuckDB's prepared statement (a plan cache's, when it stops keeping it). */
  void closeStatement() {
    try {
      statement.close();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot close statement: " + e.getMessage(), e);
    }
  }
}
