package io.analytics.catalog.home;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * File operations that survive a crash: data is forced to disk before a rename makes it visible,
 * and the directory is forced after the rename, so a reader sees either the old file or the whole
 * new one.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /** Replaces {@code target} with {@code content} by writing a sibling temporary file and renaming it. */
  public static void writeAtomically(Path target, String content) {
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      fsync(temp);
      move(temp, target);
    } catch (IOException e) {
      throw ioError("cannot write " + target, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // The rename already happened or the write failed first; that error is the one to report.
      }
    }
  }

  /** Renames atomically (replacing a file at {@code target}) and forces both directories to disk. */
  public static void move(Path source, Path target) {
    rename(source, target);
    fsyncDirectory(target.getParent());
    if (!source.getParent().equals(target.getParent())) {
      fsyncDirectory(source.getParent());
    }
  }

  /**
   * Renames atomically (replacing a file at {@code target}) without forcing the directories: for a
   * batch of renames whose directories the caller forces together afterwards ({@link ConcurrentFsync}),
   * before anything that depends on them being durable.
   */
  public static void rename(Path source, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new PlatformException(
          SqlState.IO_ERROR,
          "cannot rename " + source + " to " + target + " atomically: the staging area must be on the same file system",
          e);
    } catch (IOException e) {
      throw ioError("cannot rename " + source + " to " + target, e);
    }
  }

  /** Forces a file's content and metadata to disk. */
  public static void fsync(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      throw ioError("cannot fsync " + file, e);
    }
  }

  /** Forces a directory's entries to disk, so a rename into it survives a crash. */
  public static void fsyncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw ioError("cannot fsync directory " + directory, e);
    }
  }

  private static PlatformException ioError(String message, IOException e) {
    return new PlatformException(SqlState.IO_ERROR, message + ": " + e.getMessage(), e);
  }
}
