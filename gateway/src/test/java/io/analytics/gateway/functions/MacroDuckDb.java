package io.analytics.gateway.functions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** An in-memory DuckDB with a list of macros created, answering queries as text, for the macros' unit tests. */
public final class MacroDuckDb implements AutoCloseable {
  private final Connection connection;

  public MacroDuckDb(List<String> macros) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      for (String macro : macros) {
        statement.execute(macro);
      }
    }
  }

  /** The first row's columns as text (null for NULL). */
  public List<String> row(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      List<String> values = new ArrayList<>();
      for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
        values.add(rows.getString(column));
      }
      return values;
    }
  }

  /** Every row's first column as text. */
  List<String> column(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
