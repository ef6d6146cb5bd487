package io.analytics.gateway.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/** A statement's whole answer over JDBC as one comparable text, for tests that hold the gateway's next to PostgreSQL's. */
public final class JdbcAnswer {
  private JdbcAnswer() {}

  /** Every row as {@code column:type(precision)=[value]}, {@code updated n}, or {@code ERROR sqlstate message}. */
  public static String of(Connection connection, String sql) {
    return of(connection, sql, true);
  }

  /** The same without each column's precision (the type modifier pgjdbc reports), for columns whose declared modifier is not kept. */
  public static String withoutPrecision(Connection connection, String sql) {
    return of(connection, sql, false);
  }

  private static String of(Connection connection, String sql, boolean precision) {
    try (Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return "updated " + statement.getUpdateCount();
      }
      try (ResultSet rows = statement.getResultSet()) {
        ResultSetMetaData meta = rows.getMetaData();
        StringBuilder out = new StringBuilder();
        while (rows.next()) {
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.append(meta.getColumnName(i)).append(':').append(meta.getColumnTypeName(i));
            if (precision) {
              out.append('(').append(meta.getPrecision(i)).append(')');
            }
            out.append("=[").append(rows.getString(i)).append("] ");
          }
          out.append('\n');
        }
        return out.toString();
      }
    } catch (SQLException e) {
      return "ERROR " + e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
  }
}
