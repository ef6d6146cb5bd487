package io.analytics.engine.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes the snapshots no replica needs: not the current one, not one a live replica's lease
 * names, and older than the retention period (a replica that read the pointer just before it moved
 * and finds that snapshot gone reads the pointer again). Deleting a snapshot a replica still has attached is
 * safe: DuckDB keeps the file open, so statements still running on it finish (the file system frees
 * it after). Copies left behind by a publisher that died are deleted after a much longer time,
 * since a copy of a large warehouse may still be in progress.
 */
public final class SnapshotRetention {
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.duckdb");
  private static final Pattern ABANDONED_COPY = Pattern.compile("\\.snapshot-.*\\.duckdb(\\.wal)?");
  private static final long ABANDONED_COPY_MILLIS = 6 * 3600 * 1000L;

  private final PlatformHome home;
  private final long retentionMillis;

  public SnapshotRetention(PlatformHome home, long retentionMillis) {
    this.home = requireNonNull(home, "home is null");
    this.retentionMillis = retentionMillis;
  }

  /** Deletes what is no longer needed; returns how many snapshots it deleted. */
  public int prune(long currentSequence, Set<Long> inUse) {
    Path dir = home.snapshotsDir();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int deleted = 0;
    long now = System.currentTimeMillis();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        Matcher snapshot = SNAPSHOT.matcher(name);
        if (snapshot.matches()) {
          long sequence = Long.parseLong(snapshot.group(1));
          if (sequence != currentSequence && !inUse.contains(sequence) && olderThan(file, now, retentionMillis)) {
            deleted += Files.deleteIfExists(file) ? 1 : 0;
          }
        } else if (ABANDONED_COPY.matcher(name).matches() && olderThan(file, now, ABANDONED_COPY_MILLIS)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot prune the snapshots in " + dir + ": " + e.getMessage(), e);
    }
    return deleted;
  }

  private static boolean olderThan(Path file, long now, long millis) throws IOException {
    try {
      return now - Files.getLastModifiedTime(file).toMillis() > millis;
    } catch (NoSuchFileException e) {
      return false;
    }
  }
}
