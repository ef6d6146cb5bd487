package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * {@code data/.staging/}: where pipelines write their files before committing them. It is on the
 * same file system as the datasets, so a rename out of it is atomic.
 */
public final class StagingArea {
  private final PlatformHome home;

  public StagingArea(PlatformHome home) {
    this.home = requireNonNull(home, "home is null");
  }

  /** A new, empty, private folder for one batch. */
  public Path create(String label) {
    Path dir = home.stagingDir().resolve(label.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + UUID.randomUUID());
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot create staging folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a batch's staging folder after a failure, unless its commit had begun (it holds a
   * journal): then some files may already be visible, and only rolling forward keeps the batch
   * whole, so the folder is left for recovery.
   */
  public static void discardUnlessCommitting(Path stagingDirectory) {
    if (!Files.exists(stagingDirectory.resolve(CommitJournal.FILE_NAME))) {
      deleteRecursively(stagingDirectory);
    }
  }

  /** Deletes a folder and everything under it; a missing folder is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.deleteIfExists(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
