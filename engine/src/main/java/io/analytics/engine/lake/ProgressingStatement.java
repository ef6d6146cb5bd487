package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.DuckDbErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Runs one long DuckDB statement (a COPY, a CREATE TABLE AS) while a poller reports DuckDB's own
 * progress estimate to a listener, and returns the count the statement reports.
 */
public final class ProgressingStatement {
  private static final long POLL_MILLIS = 200;

  private final DuckDBConnection connection;
  private final ProgressListener listener;

  public ProgressingStatement(DuckDBConnection connection, ProgressListener listener) {
    this.connection = requireNonNull(connection, "connection is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  /** Runs {@code sql}; returns its row count (a COPY's rows, or the first column of its result). */
  public long run(String phase, String sql) {
    listener.started(phase);
    try (DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
      ScheduledExecutorService poller = null;
      if (listener != ProgressListener.NONE) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread thread = new Thread(r, "progress-" + phase);
          thread.setDaemon(true);
          return thread;
        });
        poller.scheduleAtFixedRate(() -> poll(statement, phase), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
      try {
        long count;
        if (statement.execute()) {
          try (ResultSet rows = statement.getResultSet()) {
            count = rows.next() ? rows.getLong(1) : 0;
          }
        } else {
          count = Math.max(0, statement.getLargeUpdateCount());
        }
        listener.progress(phase, 100);
        return count;
      } finally {
        if (poller != null) {
          poller.shutdownNow();
        }
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    } finally {
      listener.finished(phase);
    }
  }

  private void poll(DuckDBPreparedStatement statement, String phase) {
    try {
      QueryProgress progress = statement.getQueryProgress();
      if (progress != null && progress.getPercentage() >= 0) {
        listener.progress(phase, progress.getPercentage());
      }
    } catch (SQLException | RuntimeException e) {
      // Progress is best effort: the statement may just have finished; its own outcome is what counts.
    }
  }
}
