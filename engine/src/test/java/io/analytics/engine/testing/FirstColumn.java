package io.analytics.engine.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The first column of a query's rows as strings, for assertions; the caller owns the connection. */
public final class FirstColumn {
  private FirstColumn() {}

  public static List<String> of(Connection connection, String sql) {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
