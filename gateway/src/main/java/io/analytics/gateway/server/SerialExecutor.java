package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one connection's tasks one at a time, in order, on a shared pool: an idle connection holds
 * no thread, and a long query in one connection never delays another.
 */
final class SerialExecutor implements Executor {
  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = requireNonNull(pool, "pool is null");
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(requireNonNull(task, "task is null"));
    schedule();
  }

  /**
   * Takes the executor for the calling thread if nothing is queued or running: until {@link #release},
   * the caller runs as this connection's task would (see ConnectionHandler's answers from memory).
   */
  boolean tryClaim() {
    return tasks.isEmpty() && scheduled.compareAndSet(false, true);
  }

  /** Gives back what {@link #tryClaim} took; tasks queued meanwhile run now, in order. */
  void release() {
    scheduled.set(false);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    } finally {
      scheduled.set(false);
      schedule();
    }
  }
}
