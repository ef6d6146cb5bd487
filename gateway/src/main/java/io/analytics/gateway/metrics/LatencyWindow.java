package io.analytics.gateway.metrics;

import java.util.Arrays;

/**
 * The latencies of the statements that ended since the last {@link #drain()}, for the status page's
 * p50/p99 chart: a bounded buffer (past {@value #CAPACITY} statements in one interval, every other
 * one is kept, so a burst cannot grow memory while the percentiles stay representative).
 */
public final class LatencyWindow {
  static final int CAPACITY = 8192;

  /** The median and 99th percentile of one interval, in milliseconds (0 when no statement ended). */
  public record Percentiles(long count, double p50Millis, double p99Millis) {}

  private long[] nanos = new long[CAPACITY];
  private int size;
  private long seen;
  private int keepEvery = 1;

  public synchronized void add(long statementNanos) {
    seen++;
    if (seen % keepEvery != 0) {
      return;
    }
    if (size == nanos.length) {
      // Halve what is kept: every other sample stays, and from now on every other statement.
      for (int i = 0; i < size / 2; i++) {
        nanos[i] = nanos[2 * i + 1];
      }
      size /= 2;
      keepEvery *= 2;
    }
    nanos[size++] = statementNanos;
  }

  /** The percentiles of what was added since the last call, which starts a new interval. */
  public synchronized Percentiles drain() {
    long[] sorted = Arrays.copyOf(nanos, size);
    long count = seen;
    size = 0;
    seen = 0;
    keepEvery = 1;
    Arrays.sort(sorted);
    return new Percentiles(count, percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  /** The nearest-rank percentile, in milliseconds. */
  static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
