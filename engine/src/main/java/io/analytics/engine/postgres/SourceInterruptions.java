package io.analytics.engine.postgres;

import static io.analytics.engine.postgres.PgIdentifiers.literal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * {@code platform.source_interruptions}: each time following a source broke off (a change capture
 * stream or a sync's connection lost, the source down), with why. The state tables say how a source
 * is now; this says it was interrupted, after it recovered, which {@code status} reports.
 */
public final class SourceInterruptions {
  public static final String TABLE = "platform.source_interruptions";

  private SourceInterruptions() {}

  /** Records one interruption; {@code what} is "change capture" or "sync". Outside any transaction. */
  public static void record(Connection duck, String source, String what, String message) {
    SyncStateTables.run(duck, "CREATE TABLE IF NOT EXISTS " + TABLE
        + " (source VARCHAR, what VARCHAR, message VARCHAR, occurred_at TIMESTAMPTZ)");
    SyncStateTables.run(duck, "INSERT INTO " + TABLE + " VALUES (" + literal(source) + ", " + literal(what) + ", "
        + literal(message == null ? "" : message) + ", now())");
  }

  /** "interrupted N times, last at T (what: why)", or empty when it never was (or the table does not exist). */
  public static Optional<String> describe(Connection warehouse, String source) {
    String sql = "SELECT count(*) OVER (), CAST(occurred_at AS VARCHAR), what, message FROM " + TABLE + " WHERE source = "
        + literal(source) + " ORDER BY occurred_at DESC LIMIT 1";
    try (Statement statement = warehouse.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of("interrupted " + rows.getLong(1) + (rows.getLong(1) == 1 ? " time" : " times") + ", last at "
          + rows.getString(2) + " (" + rows.getString(3) + ": " + rows.getString(4) + ")");
    } catch (SQLException e) {
      return Optional.empty(); // never interrupted in this warehouse: the table was never created
    }
  }
}
