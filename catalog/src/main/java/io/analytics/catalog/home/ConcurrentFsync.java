package io.analytics.catalog.home;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Forces many files or directories to disk at once. Each fsync mostly waits for the device, and
 * independent fsyncs issued together share the file system's journal commits, so a batch of 250
 * partition files costs a few fsyncs' time instead of 250 in a row. Returns only when every one
 * has completed; the first failure is rethrown, so a caller that writes a commit marker afterwards
 * still orders it after all of them.
 */
public final class ConcurrentFsync {
  /** fsync is I/O wait, not CPU: more threads than cores is the point. */
  private static final int THREADS = 16;
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, daemonThreads());

  private ConcurrentFsync() {}

  /** Forces each file's content and metadata to disk. */
  public static void files(Collection<Path> files) {
    forEach(files, DurableFiles::fsync);
  }

  /** Forces each directory's entries to disk, so renames into them survive a crash. */
  public static void directories(Collection<Path> directories) {
    forEach(directories, DurableFiles::fsyncDirectory);
  }

  private static void forEach(Collection<Path> paths, Consumer<Path> fsync) {
    if (paths.size() <= 1) {
      paths.forEach(fsync);
      return;
    }
    List<Future<?>> pending = new ArrayList<>(paths.size());
    for (Path path : paths) {
      pending.add(POOL.submit(() -> fsync.accept(path)));
    }
    RuntimeException first = null;
    for (Future<?> future : pending) {
      try {
        awaitUninterruptibly(future);
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r
              ? r
              : new PlatformException(SqlState.IO_ERROR, "fsync failed: " + e.getCause(), e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Waits even when interrupted: returning early would let a commit marker overtake an fsync. */
  private static void awaitUninterruptibly(Future<?> future) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          future.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fsync-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
