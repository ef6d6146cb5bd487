package io.analytics.engine.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the warehouse records about a source (its path, whether it answered) and each of its
 * mirrors (rows, method, when synced, last error), over any JDBC connection to the warehouse: the
 * DuckDB file or a running gateway.
 */
public final class SourceFreshness {
  private SourceFreshness() {}

  /** The change capture line (platform.source_cdc), or nothing when it never ran for the source. */
  private static List<String> changeCapture(Connection warehouse, String sourceLiteral) {
    String sql = "SELECT status, message, slot, lsn, lag_bytes, lag_seconds, CAST(source_commit_at AS VARCHAR)"
        + " FROM platform.source_cdc WHERE source = " + sourceLiteral;
    try (Statement statement = warehouse.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        return List.of();
      }
      String status = rows.getString(1);
      if (rows.getString(3) == null || !(status.equals("streaming") || status.equals("retrying"))) {
        return List.of("change capture: " + status + (rows.getString(2) == null ? "" : " (" + rows.getString(2) + ")"));
      }
      long lsn = rows.getLong(4);
      return List.of("change capture: " + status + " from slot " + rows.getString(3) + " at LSN "
          + Long.toHexString(lsn >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
          + Long.toHexString(lsn & 0xffffffffL).toUpperCase(java.util.Locale.ROOT) + ", lag " + rows.getLong(5)
          + " bytes, " + String.format(java.util.Locale.ROOT, "%.1f", rows.getDouble(6)) + " s"
          + (rows.getString(7) == null ? "" : ", last source commit applied " + rows.getString(7))
          + (rows.getString(2) == null ? "" : " (" + rows.getString(2) + ")"));
    } catch (SQLException e) {
      // No change capture table in this warehouse: change capture never ran here.
      return List.of();
    }
  }

  /** Lines describing {@code source}, or a single line saying it was never synced here. */
  public static List<String> describe(Connection warehouse, String source) {
    List<String> lines = new ArrayList<>();
    String literal = PgIdentifiers.literal(source);
    try (Statement statement = warehouse.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT path, status, message, CAST(checked_at AS VARCHAR),"
          + " CAST(ok_at AS VARCHAR) FROM " + SyncStateTables.SOURCES + " WHERE source = " + literal)) {
        if (!rows.next()) {
          return List.of("never synced (run analytics sync " + source + ")");
        }
        lines.add("path: " + rows.getString(1) + "; " + (rows.getString(2).equals("up") ? "up" : "DOWN: " + rows.getString(3))
            + "; checked " + rows.getString(4) + (rows.getString(5) == null ? "" : ", last up " + rows.getString(5)));
      }
      lines.addAll(changeCapture(warehouse, literal));
      SourceInterruptions.describe(warehouse, source).ifPresent(lines::add);
      try (ResultSet rows = statement.executeQuery("SELECT mirror, pg_table, method, rows, CAST(synced_at AS VARCHAR),"
          + " CAST(epoch(now()) - epoch(synced_at) AS BIGINT), duration_ms, last_error FROM " + SyncStateTables.TABLES
          + " WHERE source = " + literal + " ORDER BY mirror")) {
        while (rows.next()) {
          String synced = rows.getString(5);
          String line = source + "." + rows.getString(1) + " <- " + rows.getString(2) + ": "
              + (synced == null ? "not mirrored yet"
                  : "cdc".equals(rows.getString(3))
                      ? "streamed by change capture (copied at " + synced + " with " + rows.getLong(4) + " rows)"
                      : rows.getLong(4) + " rows, " + rows.getString(3) + " sync at " + synced + " (" + rows.getLong(6)
                          + " s ago, took " + rows.getLong(7) + " ms)");
          if (rows.getString(8) != null) {
            line += "; last attempt failed: " + rows.getString(8);
          }
          lines.add(line);
        }
      }
      return lines;
    } catch (SQLException e) {
      return List.of("never synced (run analytics sync " + source + ")");
    }
  }
}
