package io.analytics.engine.lake;

/** Hears how far a long pipeline statement has got, e.g. to draw a progress bar on a terminal. */
public interface ProgressListener {
  /** Hears nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /** A phase ("validating", "writing") started. */
  default void started(String phase) {}

  /** The phase is {@code percent} (0..100) done, as DuckDB estimates it. */
  default void progress(String phase, double percent) {}

  /** The phase finished. */
  default void finished(String phase) {}
}
