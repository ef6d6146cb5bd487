package io.analytics.catalog.lake;

import io.analytics.catalog.home.Layer;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One dataset of the lake: the folder {@code data/<layer>/<name>/} holding its Parquet files,
 * possibly hive-partitioned ({@code date=2024-01-02/part-0.parquet}).
 */
public record Dataset(Layer layer, String name, Path directory) {
  public Dataset {
    requireNonNull(layer, "layer is null");
    requireNonNull(name, "name is null");
    requireNonNull(directory, "directory is null");
  }

  /** The name clients use: {@code <layer>.<dataset>}. */
  public String qualifiedName() {
    return layer.schemaName() + "." + name;
  }

  /** The glob DuckDB reads the dataset with. */
  public String parquetGlob() {
    return directory.resolve("**").resolve("*.parquet").toString();
  }
}
