package io.analytics.gateway.status;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.SourceInterruptions;
import io.analytics.engine.postgres.SyncStateTables;
import io.analytics.engine.postgres.cdc.ChangeCaptureState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One PostgreSQL source as the status page shows it, from what the warehouse records (the same
 * tables {@code analytics status} reads): its path (change capture or polling), whether it answered,
 * change capture's lag, the last sync of its mirrors, the last error, and its interruptions (the
 * stream or a sync cut off) since the warehouse began recording them.
 */
final class SourceStatusRows {
  private final DuckDbDatabase database;

  SourceStatusRows(DuckDbDatabase database) {
    this.database = requireNonNull(database, "database is null");
  }

  Map<String, Object> row(PostgresSourceConfig source) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", source.name());
    row.put("path", source.changeCapture() ? "change capture" : "polling");
    row.put("status", null);
    row.put("lagSeconds", null);
    row.put("lagBytes", null);
    row.put("lastSync", null);
    row.put("error", null);
    row.put("interrupted", null);
    try (Connection duck = database.connect()) {
      readSource(duck, source.name(), row);
      readChangeCapture(duck, source.name(), row);
      readMirrors(duck, source.name(), row);
      row.put("interrupted", SourceInterruptions.describe(duck, source.name()).orElse(null));
    } catch (SQLException e) {
      // The state tables do not exist before the first sync: the row says nothing is known yet.
      row.putIfAbsent("status", "never synced");
    }
    return row;
  }

  private static void readSource(Connection duck, String source, Map<String, Object> row) throws SQLException {
    try (ResultSet rows = query(duck, "SELECT path, status, message FROM " + SyncStateTables.SOURCES + " WHERE source = ?", source)) {
      if (rows.next()) {
        row.put("path", rows.getString(1));
        row.put("status", rows.getString(2));
        row.put("error", rows.getString(3));
      } else {
        row.put("status", "never synced");
      }
    }
  }

  private static void readChangeCapture(Connection duck, String source, Map<String, Object> row) {
    try (ResultSet rows = query(duck, "SELECT status, lag_seconds, lag_bytes, message FROM " + ChangeCaptureState.TABLE
        + " WHERE source = ?", source)) {
      if (rows.next()) {
        row.put("changeCapture", rows.getString(1));
        row.put("lagSeconds", rows.getObject(2));
        row.put("lagBytes", rows.getObject(3));
        if (row.get("error") == null) {
          row.put("error", rows.getString(4));
        }
      }
    } catch (SQLException e) {
      // Change capture never ran in this warehouse.
    }
  }

  private static void readMirrors(Connection duck, String source, Map<String, Object> row) throws SQLException {
    try (ResultSet rows = query(duck, "SELECT CAST(max(synced_at) AS VARCHAR), max(last_error) FROM " + SyncStateTables.TABLES
        + " WHERE source = ?", source)) {
      if (rows.next()) {
        row.put("lastSync", rows.getString(1));
        if (rows.getString(2) != null) {
          row.put("error", rows.getString(2));
        }
      }
    }
  }

  private static ResultSet query(Connection duck, String sql, String source) throws SQLException {
    PreparedStatement statement = duck.prepareStatement(sql);
    statement.setString(1, source);
    statement.closeOnCompletion();
    return statement.executeQuery();
  }
}
