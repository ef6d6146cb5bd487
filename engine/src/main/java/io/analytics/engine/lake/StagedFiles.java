package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Parquet files written, verified and synced in a staging folder, laid out below {@code root} as
 * they will be below their dataset folder.
 */
public record StagedFiles(Path root, List<Path> files, long rows) {
  public StagedFiles {
    requireNonNull(root, "root is null");
    files = List.copyOf(files);
  }
}
