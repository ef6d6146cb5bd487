package io.analytics.gateway.audit;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands audit lines to one writer thread without waking it for each line. Logback's AsyncAppender
 * signals its writer on every event; at one audit line per statement that wake-up cost the session
 * thread more than the rest of a {@code SELECT 1}. Here the writer wakes every {@link
 * #WRITE_INTERVAL_MILLIS} ms (or when the queue is half full) and writes what has queued up. No line
 * is dropped: a full queue makes the session wait, as the AsyncAppender with no discarding did.
 */
final class QuietAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  static final long WRITE_INTERVAL_MILLIS = 20;
  private static final int CAPACITY = 8192;

  private final Appender<ILoggingEvent> target;
  private final BlockingQueue<ILoggingEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread writer;
  /** Writes what is queued when the process exits, since the writer thread is a daemon. */
  private final Thread atExit = new Thread(this::stop, "audit-flush");
  private volatile boolean running;

  QuietAsyncAppender(Appender<ILoggingEvent> target) {
    this.target = requireNonNull(target, "target is null");
    this.writer = new Thread(this::writeUntilStopped, "audit-writer");
    writer.setDaemon(true);
  }

  @Override
  public void start() {
    running = true;
    writer.start();
    Runtime.getRuntime().addShutdownHook(atExit);
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    // Message and thread name are fixed now, as the writer formats the line later.
    event.prepareForDeferredProcessing();
    if (!queue.offer(event)) {
      LockSupport.unpark(writer);
      try {
        queue.put(event);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        addError("audit line not written: interrupted while the queue was full");
      }
      return;
    }
    if (queue.size() >= CAPACITY / 2) {
      LockSupport.unpark(writer);
    }
  }

  private void writeUntilStopped() {
    List<ILoggingEvent> batch = new ArrayList<>();
    while (running) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WRITE_INTERVAL_MILLIS));
      writeQueued(batch);
    }
    writeQueued(batch);
  }

  private void writeQueued(List<ILoggingEvent> batch) {
    while (queue.drainTo(batch) > 0) {
      for (ILoggingEvent event : batch) {
        target.doAppend(event);
      }
      batch.clear();
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    if (Thread.currentThread() != atExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(atExit);
      } catch (IllegalStateException e) {
        // The process is exiting: the hook is running or about to, and stops this appender too.
      }
    }
    running = false;
    LockSupport.unpark(writer);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    target.stop();
  }
}
