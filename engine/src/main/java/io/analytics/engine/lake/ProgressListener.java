package io.analytics.engine.lake;

/** Hears how far a long pipeline statement has got, e.g. to draw a progress bar on a terminal. */
public interface ProgressListener {
  /** Hears nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /** A phase ("validating", "writing") started. */
  default void started(String phase) {}

  /** The phase is {@code percent} (0..100) done, as DuckDB estimates it. */
  default void progress(String phase, double percent) {}

  /** As above, with what the percentage stands for ("45,000 of about 100,000 rows, 30,000 rows/s"). */
  default void progress(String phase, double percent, String detail) {
    progress(phase, percent);
  }

  /** The phase finished. */
  default void finished(String phase) {}
}
