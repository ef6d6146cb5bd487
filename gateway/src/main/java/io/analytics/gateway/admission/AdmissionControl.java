package io.analytics.gateway.admission;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Lets at most a configured number of statements run in DuckDB at once; the others wait their
 * turn, in order, and give up with 53300 after the queue timeout. On two cores, fifty heavy queries
 * at once only thrash; a bounded number keeps every one moving and the gateway responsive.
 */
public final class AdmissionControl {
  private final Semaphore permits;
  private final long timeoutMillis;
  private final LongConsumer waited;

  /** @param maxConcurrent 0 for no limit */
  public AdmissionControl(int maxConcurrent, long timeoutMillis, LongConsumer waited) {
    this.permits = maxConcurrent > 0 ? new Semaphore(maxConcurrent, true) : null;
    this.timeoutMillis = timeoutMillis;
    this.waited = waited;
  }

  /** A turn to run one statement; close it when the statement stops running. */
  public Turn acquire() {
    if (permits == null) {
      return () -> { };
    }
    long started = System.nanoTime();
    try {
      if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new PlatformException(SqlState.TOO_MANY_CONNECTIONS,
            "too many concurrent queries: waited " + timeoutMillis + " ms for a turn (gateway.limits.maxConcurrentQueries)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(SqlState.QUERY_CANCELED, "canceling statement while it waited for its turn");
    }
    waited.accept((System.nanoTime() - started) / 1_000_000);
    return permits::release;
  }

  /** Statements waiting for a turn now. */
  public int queued() {
    return permits == null ? 0 : permits.getQueueLength();
  }

  /** A held turn; closing it twice is harmless only through try-with-resources, which closes once. */
  @FunctionalInterface
  public interface Turn extends AutoCloseable {
    @Override
    void close();
  }
}
