package io.analytics.engine.script;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.QueryRows;
import io.analytics.engine.duckdb.SqlErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL scripts statement by statement on a JDBC connection (the warehouse directly or through
 * the gateway), after interpolating psql-style variables (see {@link ScriptVariables}). The first
 * failing statement stops the script; its error names the statement's number. Each statement
 * commits on its own unless the script runs as a single transaction, as psql's
 * {@code --single-transaction} does.
 */
public final class ScriptRunner {
  private static final int MAX_ROWS_KEPT = 10_000;

  /** How a result column becomes the text kept in {@link QueryRows}. */
  @FunctionalInterface
  public interface ColumnText {
    /** The driver's own text: pgjdbc's is the server's PostgreSQL text. */
    ColumnText DRIVER = ResultSet::getString;

    String of(ResultSet rows, int column) throws SQLException;
  }

  private final Connection connection;
  private final ColumnText columnText;

  public ScriptRunner(Connection connection) {
    this(connection, ColumnText.DRIVER);
  }

  public ScriptRunner(Connection connection, ColumnText columnText) {
    this.connection = requireNonNull(connection, "connection is null");
    this.columnText = requireNonNull(columnText, "columnText is null");
  }

  public List<StatementOutcome> runFile(Path file, ScriptVariables variables) {
    try {
      return run(Files.readString(file, StandardCharsets.UTF_8), variables, file.getFileName().toString());
    } catch (IOException e) {
      throw new PlatformException(SqlState.UNDEFINED_FILE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a file's statements in one transaction: all of them take effect or, when one fails, none
   * (psql's {@code --single-transaction}).
   */
  public List<StatementOutcome> runFileInOneTransaction(Path file, ScriptVariables variables) {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "BEGIN");
    }
    boolean committed = false;
    try {
      List<StatementOutcome> outcomes = runFile(file, variables);
      connection.commit();
      committed = true;
      return outcomes;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "COMMIT");
    } finally {
      endTransaction(committed);
    }
  }

  private void endTransaction(boolean committed) {
    try {
      if (!committed) {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "ROLLBACK");
    }
  }

  /** Runs every statement of {@code script}; {@code origin} names the script in errors. */
  public List<StatementOutcome> run(String script, ScriptVariables variables, String origin) {
    String substituted;
    try {
      substituted = variables.substitute(script);
    } catch (PlatformException e) {
      throw new PlatformException(e.sqlState(), origin + ": " + e.getMessage(), e);
    }
    List<String> statements = SqlScript.split(substituted);
    List<StatementOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      String sql = statements.get(i);
      try {
        outcomes.add(execute(sql));
      } catch (PlatformException e) {
        throw new PlatformException(
            e.sqlState(), origin + ", statement " + (i + 1) + ": " + e.getMessage(), e.detail(), e.hint(), 0, e);
      }
    }
    return outcomes;
  }

  /** Runs one statement. */
  public StatementOutcome execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          return new StatementOutcome(sql, read(rows), -1);
        }
      }
      return new StatementOutcome(sql, null, statement.getUpdateCount());
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  private QueryRows read(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
      types.add(meta.getColumnTypeName(i));
    }
    List<List<Object>> values = new ArrayList<>();
    while (rows.next() && values.size() < MAX_ROWS_KEPT) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        row.add(columnText.of(rows, i));
      }
      values.add(row);
    }
    return new QueryRows(columns, types, values);
  }
}
