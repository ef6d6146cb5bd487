package io.analytics.catalog.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lake's version counter in {@code data/.lake-version}: every pipeline bumps it after an atomic
 * commit, and a running gateway compares it before each statement to know when to re-scan (through
 * the {@link LakeChangeCounter} each touch also writes, which costs no file read).
 */
public final class LakeChangeMarker {
  private final PlatformHome home;

  public LakeChangeMarker(PlatformHome home) {
    this.home = requireNonNull(home, "home is null");
  }

  /** The current version: 0 for a lake nothing was ever committed to. One small file read. */
  public long version() {
    try {
      String text = Files.readString(home.lakeVersionFile(), StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new PlatformException(
          SqlState.IO_ERROR, "cannot read " + home.lakeVersionFile() + ": " + e.getMessage(), e);
    } catch (NumberFormatException e) {
      throw new PlatformException(
          SqlState.DATA_EXCEPTION, home.lakeVersionFile() + " does not hold a number: " + e.getMessage(), e);
    }
  }

  /** Bumps the version (serialized between processes by a file lock) and returns the new one. */
  public long touch() {
    Path lockFile = home.dataDir().resolve(".lake-version.lock");
    try {
      Files.createDirectories(home.dataDir());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        long next = version() + 1;
        DurableFiles.writeAtomically(home.lakeVersionFile(), next + "\n");
        // After the marker: a reader that sees the word move reads the marker, which is already there.
        LakeChangeCounter.publish(home, next);
        return next;
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }
}
