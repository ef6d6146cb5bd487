package io.analytics.gateway.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The one value a query answers, as text (null for SQL NULL); fails when the query returns no row. */
public final class SingleValue {
  private SingleValue() {}

  public static String of(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new AssertionError("no row from " + sql);
      }
      return rows.getString(1);
    }
  }
}
