package io.analytics.engine.postgres.cdc;

import static io.analytics.engine.postgres.PgIdentifiers.literal;

import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.postgres.SyncStateTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code platform.source_cdc}: per source, the replication slot and publication change capture
 * uses, the source LSN the mirrors have applied up to (written in the same DuckDB transaction as the
 * rows, so a restart resumes exactly there), its status and its lag.
 */
public final class ChangeCaptureState {
  public static final String TABLE = "platform.source_cdc";

  /** What the warehouse records for one source. */
  public record Row(String source, String slot, String publication, long lsn, String status, String message,
      long lagBytes, double lagSeconds) {}

  private ChangeCaptureState() {}

  public static void ensure(Connection duck) {
    SyncStateTables.ensure(duck);
    SyncStateTables.run(duck, "CREATE TABLE IF NOT EXISTS " + TABLE + " (source VARCHAR, slot VARCHAR,"
        + " publication VARCHAR, lsn BIGINT, status VARCHAR, message VARCHAR, applied_at TIMESTAMPTZ,"
        + " source_commit_at TIMESTAMPTZ, lag_bytes BIGINT, lag_seconds DOUBLE, checked_at TIMESTAMPTZ)");
  }

  public static Optional<Row> read(Connection duck, String source) {
    String sql = "SELECT source, slot, publication, lsn, status, message, lag_bytes, lag_seconds FROM " + TABLE
        + " WHERE source = " + literal(source);
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(new Row(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
          rows.getString(5), rows.getString(6), rows.getLong(7), rows.getDouble(8)));
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /** Inside the snapshot's transaction: the mirrors hold the source as of {@code lsn}. */
  static void recordSnapshot(Connection duck, String source, String slot, String publication, long lsn) {
    SyncStateTables.run(duck, "DELETE FROM " + TABLE + " WHERE source = " + literal(source));
    SyncStateTables.run(duck, "INSERT INTO " + TABLE + " VALUES (" + literal(source) + ", " + literal(slot) + ", "
        + literal(publication) + ", " + lsn + ", 'streaming', NULL, now(), NULL, 0, 0, now())");
  }

  /** Inside a source transaction's DuckDB transaction: applied up to {@code lsn}. */
  static void recordApplied(Connection duck, String source, long lsn, Instant sourceCommit) {
    SyncStateTables.run(duck, "UPDATE " + TABLE + " SET lsn = " + lsn + ", status = 'streaming', message = NULL,"
        + " applied_at = now(), source_commit_at = "
        + "CAST(" + literal(sourceCommit.toString()) + " AS TIMESTAMPTZ) WHERE source = " + literal(source));
  }

  static void recordLag(Connection duck, String source, long bytes, double seconds) {
    SyncStateTables.run(duck, "UPDATE " + TABLE + " SET lag_bytes = " + bytes + ", lag_seconds = " + seconds
        + ", status = 'streaming', message = NULL, checked_at = now() WHERE source = " + literal(source));
  }

  /** Change capture is not running for {@code source}: why ({@code status} polling or stopped). */
  static void recordNotStreaming(Connection duck, String source, String status, String message) {
    SyncStateTables.run(duck, "DELETE FROM " + TABLE + " WHERE source = " + literal(source));
    SyncStateTables.run(duck, "INSERT INTO " + TABLE + " VALUES (" + literal(source) + ", NULL, NULL, NULL, "
        + literal(status) + ", " + literal(message) + ", NULL, NULL, NULL, NULL, now())");
  }

  /** Forgets the source (detached). */
  public static void forget(Connection duck, String source) {
    SyncStateTables.run(duck, "DELETE FROM " + TABLE + " WHERE source = " + literal(source));
  }
}
