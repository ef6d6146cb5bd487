package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Settings passed to the embedded DuckDB instance.
 *
 * @param memoryLimit DuckDB's memory_limit (e.g. "4GB"), or null for DuckDB's default
 * @param threads worker threads, or 0 for DuckDB's default (one per core)
 * @param tempDirectory spill directory, or null for {@code warehouse/tmp}
 * @param extensionDirectory where DuckDB looks for extensions it may load (the postgres extension
 *     for live attached sources), for machines without internet; null for DuckDB's default
 * @param maxTempDirectorySize DuckDB's max_temp_directory_size: how much a query may spill to the temp
 *     directory before it fails with 53200 ("0B" turns spilling off), or null for DuckDB's default (90% of
 *     the disk's free space)
 */
public record DuckDbConfig(
    String memoryLimit, int threads, String tempDirectory, String extensionDirectory, String maxTempDirectorySize) {
  @JsonCreator
  public DuckDbConfig(
      @JsonProperty("memoryLimit") String memoryLimit,
      @JsonProperty("threads") Integer threads,
      @JsonProperty("tempDirectory") String tempDirectory,
      @JsonProperty("extensionDirectory") String extensionDirectory,
      @JsonProperty("maxTempDirectorySize") String maxTempDirectorySize) {
    this(memoryLimit, threads == null ? 0 : threads, tempDirectory, extensionDirectory, maxTempDirectorySize);
  }

  public DuckDbConfig(String memoryLimit, int threads, String tempDirectory, String extensionDirectory) {
    this(memoryLimit, threads, tempDirectory, extensionDirectory, null);
  }

  public DuckDbConfig(String memoryLimit, int threads, String tempDirectory) {
    this(memoryLimit, threads, tempDirectory, null);
  }

  public DuckDbConfig {
    ConfigChecks.checkRange("duckdb.threads", threads, 0, 1024);
    if (memoryLimit != null && !memoryLimit.matches("(?i)\\s*\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)\\s*")) {
      throw new ConfigException(
          "config key \"duckdb.memoryLimit\" must be a size such as \"4GB\", got \""
              + memoryLimit
              + "\"");
    }
    if (maxTempDirectorySize != null && !ByteSize.isSize(maxTempDirectorySize)) {
      throw new ConfigException("config key \"duckdb.maxTempDirectorySize\" must be a size such as \"10GB\", got \""
          + maxTempDirectorySize + "\"");
    }
  }

  /** This configuration with another memory_limit. */
  public DuckDbConfig withMemoryLimit(String newMemoryLimit) {
    return new DuckDbConfig(newMemoryLimit, threads, tempDirectory, extensionDirectory, maxTempDirectorySize);
  }

  /** This configuration with another max_temp_directory_size ("0B": no spilling). */
  public DuckDbConfig withMaxTempDirectorySize(String newMaxTempDirectorySize) {
    return new DuckDbConfig(memoryLimit, threads, tempDirectory, extensionDirectory, newMaxTempDirectorySize);
  }

  public static DuckDbConfig defaults() {
    return new DuckDbConfig(null, 0, null);
  }
}
