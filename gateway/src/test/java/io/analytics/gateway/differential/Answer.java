package io.analytics.gateway.differential;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a server answered to a case: the result's columns with their PostgreSQL type names (pgjdbc
 * names them from the RowDescription's type OIDs, so equal names are equal OIDs) and each row's
 * values as text, or the SQLSTATE of the error (with its message, which is never compared).
 * {@link #rendered()} is the one comparable line; rows are sorted unless the statement orders them.
 */
record Answer(Kind kind, String sqlState, String message, List<String> columns, List<List<String>> rows) {
  /** More rows than any case should return: a runaway result is cut here (and then differs). */
  private static final int MAX_ROWS = 1000;

  private static final Comparator<List<String>> ROW_ORDER = (a, b) -> String.join("\u0000", nullsAsText(a))
      .compareTo(String.join("\u0000", nullsAsText(b)));

  enum Kind { ROWS, OK, ERROR }

  Answer {
    requireNonNull(kind, "kind is null");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Runs the case on a fresh connection (so SET and errors stay within the case), then closes it. */
  static Answer of(Connection connection, DifferentialCase testCase) throws SQLException {
    try (connection) {
      try (Statement statement = connection.createStatement()) {
        for (String setup : testCase.setup()) {
          statement.execute(setup);
        }
      }
      return on(connection, testCase, 0);
    }
  }

  /** Runs the case on {@code connection} (which stays open), cancelled after {@code timeoutSeconds} if not 0. */
  static Answer on(Connection connection, DifferentialCase testCase, int timeoutSeconds) {
    try {
      if (testCase.parameters().isEmpty()) {
        try (Statement statement = connection.createStatement()) {
          statement.setQueryTimeout(timeoutSeconds);
          return statement.execute(testCase.sql()) ? read(statement.getResultSet()) : ok();
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(testCase.sql())) {
        statement.setQueryTimeout(timeoutSeconds);
        for (int i = 0; i < testCase.parameters().size(); i++) {
          statement.setObject(i + 1, testCase.parameters().get(i));
        }
        return statement.execute() ? read(statement.getResultSet()) : ok();
      }
    } catch (SQLException e) {
      return new Answer(Kind.ERROR, String.valueOf(e.getSQLState()), String.valueOf(e.getMessage()), List.of(), List.of());
    }
  }

  private static Answer ok() {
    return new Answer(Kind.OK, null, null, List.of(), List.of());
  }

  private static Answer read(ResultSet result) throws SQLException {
    try (result) {
      ResultSetMetaData metaData = result.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        columns.add(metaData.getColumnName(i) + ":" + metaData.getColumnTypeName(i));
      }
      List<List<String>> rows = new ArrayList<>();
      while (rows.size() < MAX_ROWS && result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          values.add(result.getString(i));
        }
        rows.add(values);
      }
      return new Answer(Kind.ROWS, null, null, columns, rows);
    }
  }

  /** The SQLSTATE's class (its first two characters), or null for a success. */
  String sqlStateClass() {
    return sqlState == null || sqlState.length() < 2 ? sqlState : sqlState.substring(0, 2);
  }

  /** The rows in the order the server sent them, or sorted when the statement does not order them. */
  List<List<String>> comparableRows(boolean ordered) {
    if (ordered) {
      return rows;
    }
    List<List<String>> sorted = new ArrayList<>(rows);
    sorted.sort(ROW_ORDER);
    return sorted;
  }

  /** One line: {@code ERROR 22012}, {@code OK}, or {@code a:int4, b:text -> [1, x] [2, y]}. */
  String rendered(boolean ordered) {
    return switch (kind) {
      case ERROR -> "ERROR " + sqlState;
      case OK -> "OK";
      case ROWS -> {
        StringBuilder text = new StringBuilder(String.join(", ", columns)).append(" ->");
        for (List<String> row : comparableRows(ordered)) {
          text.append(" [").append(String.join(", ", nullsAsText(row))).append(']');
        }
        yield text.toString();
      }
    };
  }

  /** As the hand-written cases' documented answers are written: rows in the server's order. */
  String rendered() {
    return rendered(true);
  }

  private static List<String> nullsAsText(List<String> row) {
    return row.stream().map(String::valueOf).toList();
  }
}
