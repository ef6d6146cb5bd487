package io.analytics.gateway.cli;

import io.analytics.engine.lake.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws DuckDB's progress on a long pipeline statement as a progress bar on the terminal's stderr. */
final class TerminalProgress implements ProgressListener {
  private ProgressBar bar;

  /** A progress bar when a terminal is attached, else nothing. */
  static ProgressListener forConsole() {
    return System.console() == null ? ProgressListener.NONE : new TerminalProgress();
  }

  @Override
  public synchronized void started(String phase) {
    bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(100).setStyle(ProgressBarStyle.ASCII)
        .setUnit("%", 1).continuousUpdate().build();
  }

  @Override
  public synchronized void progress(String phase, double percent) {
    if (bar != null) {
      bar.stepTo(Math.round(Math.min(100, Math.max(0, percent))));
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
