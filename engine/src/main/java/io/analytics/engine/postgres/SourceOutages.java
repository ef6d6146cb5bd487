package io.analytics.engine.postgres;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Explains a missing table by a source that is down: when a statement names {@code oltp.orders},
 * {@code oltp.orders} was never mirrored and the last attempt to reach {@code oltp} failed, the
 * client gets 08001 naming the source and why, not "table does not exist".
 */
public final class SourceOutages {
  private SourceOutages() {}

  /** The error to report for {@code error}, raised by DuckDB for {@code sql} on {@code duck}. */
  public static PlatformException explain(Connection duck, String sql, PlatformException error) {
    if (error.sqlState() != SqlState.UNDEFINED_TABLE && error.sqlState() != SqlState.UNDEFINED_SCHEMA) {
      return error;
    }
    String query = "SELECT source, message FROM " + SyncStateTables.SOURCES + " WHERE status = 'down'";
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        String source = rows.getString(1);
        Pattern reference = Pattern.compile("(?i)(^|[^\\w.\"])\"?" + Pattern.quote(source) + "\"?\\s*\\.");
        if (reference.matcher(sql).find()) {
          return new PlatformException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
              "postgres source \"" + source + "\" is unavailable and this table has not been mirrored yet: "
                  + rows.getString(2),
              error.getMessage(), "the source is retried at its sync interval; see analytics status", 0, error);
        }
      }
      return error;
    } catch (SQLException e) {
      // No source has ever been synced here (no state table): the original error stands.
      return error;
    }
  }
}
