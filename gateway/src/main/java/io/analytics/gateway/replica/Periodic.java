package io.analytics.gateway.replica;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task again and again on a daemon thread of its own, a fixed delay after each run ends (a
 * snapshot copy may take long, and must not hold up the gateway's shared timers). A failure is
 * logged and the next run goes ahead; the same failure again is logged only at debug level, so a
 * lasting problem does not flood the log.
 */
public final class Periodic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

  private final String name;
  private final Runnable task;
  private final ScheduledExecutorService executor;
  private String lastFailure;

  private Periodic(String name, Runnable task) {
    this.name = name;
    this.task = task;
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts running {@code task} every {@code delayMillis} after the previous run, the first run at once. */
  public static Periodic start(String name, long delayMillis, Runnable task) {
    Periodic periodic = new Periodic(requireNonNull(name, "name is null"), requireNonNull(task, "task is null"));
    periodic.executor.scheduleWithFixedDelay(periodic::runLogged, 0, delayMillis, TimeUnit.MILLISECONDS);
    return periodic;
  }

  private boolean runLogged() {
    try {
      task.run();
      lastFailure = null;
      return true;
    } catch (RuntimeException e) {
      String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (Objects.equals(failure, lastFailure)) {
        LOG.debug("{}: failed again: {}", name, e.getMessage());
      } else {
        LOG.warn("{}: {}", name, e.getMessage());
      }
      lastFailure = failure;
      return false;
    }
  }

  /** Stops: a run in progress is interrupted and waited for (a few seconds at most). */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("{}: still running after 10 s; stopping without it", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
