package io.analytics.gateway.progress;

import io.analytics.engine.lake.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the progress of long work: a progress bar on a terminal (input bytes when their total is
 * known, with the rate and the time left), plain periodic lines otherwise (see {@link PlainProgress}).
 */
public final class TerminalProgress implements ProgressListener {
  /** Seconds between plain lines; ANALYTICS_PROGRESS_SECONDS changes it. */
  private static final long DEFAULT_INTERVAL_SECONDS = 5;

  private final String task;
  private final long totalBytes;
  private ProgressBar bar;

  private TerminalProgress(String task, long totalBytes) {
    this.task = task;
    this.totalBytes = totalBytes;
  }

  /** Progress of {@code task} over {@code totalBytes} of input (0: unknown), on a terminal or as lines on {@code err}. */
  public static ProgressListener of(String task, long totalBytes, PrintWriter err) {
    if (System.console() != null) {
      return new TerminalProgress(task, totalBytes);
    }
    String configured = System.getenv("ANALYTICS_PROGRESS_SECONDS");
    long seconds = configured == null || configured.isBlank() ? DEFAULT_INTERVAL_SECONDS : Long.parseLong(configured.strip());
    return new PlainProgress(task, totalBytes, err, TimeUnit.SECONDS.toNanos(seconds), System::nanoTime);
  }

  @Override
  public synchronized void started(String phase) {
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task + ": " + phase).setStyle(ProgressBarStyle.ASCII)
        .continuousUpdate().showSpeed();
    bar = totalBytes > 0
        ? builder.setInitialMax(totalBytes).setUnit("MB", 1024 * 1024).build()
        : builder.setInitialMax(100).setUnit("%", 1).build();
  }

  @Override
  public synchronized void progress(String phase, double percent) {
    if (bar != null) {
      double clamped = Math.min(100, Math.max(0, percent));
      bar.stepTo(totalBytes > 0 ? (long) (totalBytes * clamped / 100) : Math.round(clamped));
    }
  }

  @Override
  public synchronized void progress(String phase, double percent, String detail) {
    progress(phase, percent);
    if (bar != null) {
      bar.setExtraMessage(detail);
    }
  }

  @Override
  public synchronized void finished(String phase) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
