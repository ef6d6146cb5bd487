package io.analytics.gateway.progress;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.lake.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work as plain lines, for output that is not a terminal (a log, a CI job): a
 * line when a phase starts, one at most every interval while it runs, and one when it ends, each
 * with the percentage DuckDB estimates, the input bytes that stands for, the rate and the time left.
 */
public final class PlainProgress implements ProgressListener {
  private final String task;
  private final long totalBytes;
  private final PrintWriter err;
  private final long intervalNanos;
  private final LongSupplier clock;
  private long startedNanos;
  private long lastLineNanos;
  private double percent;
  /** What the caller says the percentage stands for, when it is not input bytes (rows of a sync). */
  private String detail;

  /**
   * @param task what runs ("ingest bronze.trades")
   * @param totalBytes the input's size, or 0 when unknown
   * @param clock nanoseconds (System::nanoTime; a test's own)
   */
  public PlainProgress(String task, long totalBytes, PrintWriter err, long intervalNanos, LongSupplier clock) {
    this.task = requireNonNull(task, "task is null");
    this.totalBytes = totalBytes;
    this.err = requireNonNull(err, "err is null");
    this.intervalNanos = intervalNanos;
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public synchronized void started(String phase) {
    startedNanos = clock.getAsLong();
    lastLineNanos = startedNanos;
    percent = 0;
    detail = null;
    line(task + ": " + phase + " started" + (totalBytes > 0 ? " (" + Sizes.human(totalBytes) + ")" : ""));
  }

  @Override
  public synchronized void progress(String phase, double newPercent, String newDetail) {
    detail = newDetail;
    progress(phase, newPercent);
  }

  @Override
  public synchronized void progress(String phase, double newPercent) {
    percent = Math.max(percent, Math.min(100, newPercent));
    long now = clock.getAsLong();
    if (percent < 100 && now - lastLineNanos >= intervalNanos) {
      lastLineNanos = now;
      line(task + ": " + phase + " " + describe(now));
    }
  }

  @Override
  public synchronized void finished(String phase) {
    long now = clock.getAsLong();
    line(task + ": " + phase + " " + (percent >= 100 ? "done" : "stopped") + " in " + seconds(now - startedNanos)
        + (totalBytes > 0 && percent >= 100 ? " (" + Sizes.human(totalBytes) + ", " + rate(totalBytes, now - startedNanos) + ")" : ""));
  }

  /** "45% (12 MB of 27 MB, 5.1 MB/s, about 3 s left)". */
  private String describe(long now) {
    long elapsed = now - startedNanos;
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.0f%%", percent));
    if (totalBytes > 0) {
      long done = (long) (totalBytes * percent / 100);
      text.append(" (").append(done <= 0 ? "0 B" : Sizes.human(done)).append(" of ").append(Sizes.human(totalBytes)).append(", ")
          .append(rate(done, elapsed));
    } else {
      text.append(" (").append(detail == null ? "" : detail);
    }
    if (percent > 0) {
      text.append(totalBytes > 0 || detail != null ? ", " : "").append("about ").append(seconds((long) (elapsed * (100 - percent) / percent)))
          .append(" left");
    }
    return text.append(')').toString().replace(" ()", "");
  }

  private static String rate(long bytes, long nanos) {
    long perSecond = nanos <= 0 ? 0 : (long) (bytes * 1e9 / nanos);
    return (perSecond <= 0 ? "0 B" : Sizes.human(perSecond)) + "/s";
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private void line(String text) {
    err.println(text);
    err.flush();
  }
}
