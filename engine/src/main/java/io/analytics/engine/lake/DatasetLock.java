package io.analytics.engine.lake;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on one dataset's commits, between processes (a file lock under {@code
 * data/.staging/locks/}) and between threads of one process, held only while renaming.
 */
public final class DatasetLock implements AutoCloseable {
  private static final long WAIT_MILLIS = 20;

  private final FileChannel channel;
  private final FileLock lock;

  private DatasetLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for and takes the lock of the dataset folder {@code datasetDirectory}. */
  public static DatasetLock acquire(PlatformHome home, Path datasetDirectory) {
    Path relative = home.dataDir().relativize(datasetDirectory.toAbsolutePath().normalize());
    String name = relative.toString().replace('/', '.').replace('\\', '.');
    Path file = home.stagingDir().resolve("locks").resolve(name + ".lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        while (true) {
          try {
            return new DatasetLock(channel, channel.lock());
          } catch (OverlappingFileLockException e) {
            // Another thread of this process holds it: wait for it to finish its commit.
            Thread.sleep(WAIT_MILLIS);
          }
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        channel.close();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw e;
      }
    } catch (IOException | InterruptedException e) {
      throw new PlatformException(SqlState.LOCK_NOT_AVAILABLE, "cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot release dataset lock: " + e.getMessage(), e);
    }
  }
}
