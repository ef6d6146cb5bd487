package io.analytics.catalog.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Parquet files of one dataset folder as they are on disk now: the visible files (not under a
 * name starting with '.' or '_'), their total size, and the hive partition columns their paths
 * name ({@code date=2024-01-02/} gives {@code date}).
 */
public record DatasetFiles(Path directory, List<Path> files, long totalBytes, List<String> partitionColumns) {
  public DatasetFiles {
    requireNonNull(directory, "directory is null");
    files = List.copyOf(files);
    partitionColumns = List.copyOf(partitionColumns);
  }

  /** Lists {@code directory}; a missing folder is an empty dataset. */
  public static DatasetFiles of(Path directory) {
    requireNonNull(directory, "directory is null");
    if (!Files.isDirectory(directory)) {
      return new DatasetFiles(directory, List.of(), 0, List.of());
    }
    List<Path> files = new ArrayList<>();
    long bytes = 0;
    Set<String> partitions = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
        Path relative = directory.relativize(file);
        if (!file.getFileName().toString().endsWith(".parquet") || !Files.isRegularFile(file) || isHidden(relative)) {
          continue;
        }
        files.add(file);
        bytes += Files.size(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
          String part = relative.getName(i).toString();
          int equals = part.indexOf('=');
          if (equals > 0) {
            partitions.add(part.substring(0, equals));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    return new DatasetFiles(directory, files, bytes, new ArrayList<>(partitions));
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  static boolean isHidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
