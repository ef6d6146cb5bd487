package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Turns the rows read from each table into the progress of a whole source's sync, measured
 * against the source's own estimate of each table's rows: PostgreSQL's {@code reltuples}, or an
 * exact {@code count(*)} for a table never analyzed (reltuples -1). A table's share never passes its
 * estimate while it is read, and jumps to it when it is done (an incremental sync reads fewer).
 */
final class SyncProgressMeter {
  private static final String ESTIMATES = "SELECT n.nspname, c.relname, c.relkind, c.reltuples FROM pg_class c "
      + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?)";

  private final SyncProgress progress;
  private final Map<String, Long> estimates;
  private final long total;
  private long finished;

  private SyncProgressMeter(SyncProgress progress, Map<String, Long> estimates) {
    this.progress = requireNonNull(progress, "progress is null");
    this.estimates = Map.copyOf(estimates);
    this.total = estimates.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Reads the estimates of {@code tables} (none when the catalog cannot be read: the total is then unknown). */
  static SyncProgressMeter start(Connection pg, List<SourceTable> tables, SyncProgress progress) {
    if (progress == SyncProgress.NONE || tables.isEmpty()) {
      return new SyncProgressMeter(progress, Map.of());
    }
    Map<String, Long> estimates = new HashMap<>();
    try (PreparedStatement statement = pg.prepareStatement(ESTIMATES)) {
      statement.setArray(1, pg.createArrayOf("text", tables.stream().map(SourceTable::schema).distinct().toArray()));
      Map<String, Double> reltuples = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          // A view has no rows of its own to estimate: unknown.
          reltuples.put(rows.getString(1) + "." + rows.getString(2), "v".equals(rows.getString(3)) ? 0 : rows.getDouble(4));
        }
      }
      for (SourceTable table : tables) {
        double estimate = reltuples.getOrDefault(table.qualifiedName(), 0.0);
        estimates.put(table.qualifiedName(), estimate < 0 ? count(pg, table) : (long) estimate);
      }
    } catch (SQLException e) {
      return new SyncProgressMeter(progress, Map.of());
    }
    progress.rowsRead(0, estimates.values().stream().mapToLong(Long::longValue).sum());
    return new SyncProgressMeter(progress, estimates);
  }

  private static long count(Connection pg, SourceTable table) throws SQLException {
    try (Statement statement = pg.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table.quotedName())) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** Hears the rows read so far from {@code table}. */
  LongConsumer reading(SourceTable table) {
    long estimate = estimate(table);
    long before = finished;
    return rows -> progress.rowsRead(before + (estimate > 0 ? Math.min(rows, estimate) : 0), total);
  }

  /** {@code table} is done (synced or failed). */
  void done(SourceTable table) {
    finished += estimate(table);
    progress.rowsRead(finished, total);
  }

  private long estimate(SourceTable table) {
    return estimates.getOrDefault(table.qualifiedName(), 0L);
  }
}
