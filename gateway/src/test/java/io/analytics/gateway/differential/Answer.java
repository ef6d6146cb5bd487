package io.analytics.gateway.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server answered to a case, rendered as one comparable line: the result's columns with
 * their PostgreSQL type names (pgjdbc names them from the RowDescription's type OIDs), then each row's
 * values as text; or the SQLSTATE of the error.
 */
record Answer(String rendered) {
  /** Runs the case on a fresh connection (so SET and errors stay within the case). */
  static Answer of(Connection connection, DifferentialCase testCase) throws SQLException {
    try (connection) {
      try (Statement statement = connection.createStatement()) {
        for (String setup : testCase.setup()) {
          statement.execute(setup);
        }
      }
      try {
        if (testCase.parameters().isEmpty()) {
          try (Statement statement = connection.createStatement()) {
            return statement.execute(testCase.sql()) ? rendered(statement.getResultSet()) : new Answer("OK");
          }
        }
        try (PreparedStatement statement = connection.prepareStatement(testCase.sql())) {
          for (int i = 0; i < testCase.parameters().size(); i++) {
            statement.setObject(i + 1, testCase.parameters().get(i));
          }
          return rendered(statement.executeQuery());
        }
      } catch (SQLException e) {
        return new Answer("ERROR " + e.getSQLState());
      }
    }
  }

  private static Answer rendered(ResultSet rows) throws SQLException {
    try (rows) {
      ResultSetMetaData metaData = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        columns.add(metaData.getColumnName(i) + ":" + metaData.getColumnTypeName(i));
      }
      StringBuilder text = new StringBuilder(String.join(", ", columns)).append(" ->");
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
          values.add(rows.getString(i));
        }
        text.append(" [").append(String.join(", ", values)).append(']');
      }
      return new Answer(text.toString());
    }
  }
}
