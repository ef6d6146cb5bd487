package io.analytics.gateway.session;

import io.analytics.gateway.sql.LiveRelation;
import io.analytics.gateway.sql.SqlStatement;
import java.time.Instant;
import java.util.List;

/**
 * {@code pg_cursors}: the session's open cursors, as psycopg 3 checks before it closes a
 * server-side cursor. DuckDB has no such view; the gateway binds a snapshot of the session's
 * DECLAREd portals into the statement.
 */
final class PgCursors {
  private static final String NAME = "pg_cursors";
  private static final String COLUMNS = "name, statement, is_holdable, is_binary, is_scrollable, creation_time";

  /** One open cursor. */
  record Cursor(String name, String statement, boolean holdable, boolean binary, Instant created) {}

  private PgCursors() {}

  static boolean isReadBy(SqlStatement statement) {
    return LiveRelation.isReadBy(statement, NAME);
  }

  static String bind(SqlStatement statement, List<Cursor> cursors) {
    StringBuilder rows = new StringBuilder("SELECT CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), false, false, false, "
        + "CAST(NULL AS TIMESTAMPTZ) WHERE false");
    for (Cursor cursor : cursors) {
      rows.append(" UNION ALL SELECT ").append(LiveRelation.text(cursor.name())).append(", ")
          .append(LiveRelation.text(cursor.statement())).append(", ").append(cursor.holdable()).append(", ")
          .append(cursor.binary()).append(", false, ").append(LiveRelation.time(cursor.created()));
    }
    return LiveRelation.bind(statement, NAME, COLUMNS, rows.toString());
  }
}
