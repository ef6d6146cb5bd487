package io.analytics.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.lake.ProgressListener;
import io.analytics.engine.postgres.SyncProgress;
import java.util.Locale;

/**
 * A source's sync as progress: the rows read of the source's estimate as a percentage, with the
 * rows and their rate as its detail ("45,000 of about 100,000 rows, 30,000 rows/s"); the listener
 * adds the time left (a bar on a terminal, plain lines otherwise).
 */
final class SyncProgressDisplay implements SyncProgress {
  private final ProgressListener listener;
  private final String phase;
  private final long startedNanos = System.nanoTime();

  SyncProgressDisplay(ProgressListener listener, String phase) {
    this.listener = requireNonNull(listener, "listener is null");
    this.phase = requireNonNull(phase, "phase is null");
  }

  @Override
  public void rowsRead(long rows, long estimatedRows) {
    listener.progress(phase, percent(rows, estimatedRows), detail(rows, estimatedRows, System.nanoTime() - startedNanos));
  }

  /** The share of the estimate read, short of 100 until the sync says it is done. */
  static double percent(long rows, long estimatedRows) {
    return estimatedRows <= 0 ? 0 : Math.min(99.9, 100.0 * rows / estimatedRows);
  }

  static String detail(long rows, long estimatedRows, long elapsedNanos) {
    long perSecond = elapsedNanos <= 0 ? 0 : (long) (rows * 1e9 / elapsedNanos);
    return String.format(Locale.ROOT, "%,d", rows) + (estimatedRows > 0 ? String.format(Locale.ROOT, " of about %,d", estimatedRows) : "")
        + " rows, " + String.format(Locale.ROOT, "%,d", perSecond) + " rows/s";
  }
}
