package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Settings passed to the embedded DuckDB instance.
 *
 * @param memoryLimit DuckDB's memory_limit (e.g. "4GB"): a CLI pipeline's instance gets it whole, a
 *     gateway's serving instances split it (see {@link ServingInstance}); null for the default
 * @param threads worker threads, or 0 for DuckDB's default (one per core)
 * @param tempDirectory spill directory, or null for {@code warehouse/tmp}
 * @param extensionDirectory where DuckDB looks for extensions it may load (the postgres extension
 *     for live attached sources), for machines without internet; null for DuckDB's default
 * @param maxTempDirectorySize how much DuckDB may spill to the temp directory (e.g. "20GB"), so a
 *     runaway query cannot fill the disk; null for DuckDB's default (90% of the free space)
 */
public record DuckDbConfig(String memoryLimit, int threads, String tempDirectory, String extensionDirectory,
    String maxTempDirectorySize) {
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
    this(memoryLimit, threads, tempDirectory, null, null);
  }

  public DuckDbConfig {
    ConfigChecks.checkRange("duckdb.threads", threads, 0, 1024);
    if (maxTempDirectorySize != null) {
      ByteSize.parse("duckdb.maxTempDirectorySize", maxTempDirectorySize);
    }
    if (memoryLimit != null && !memoryLimit.matches("(?i)\\s*\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)\\s*")) {
      throw new ConfigException(
          "config key \"duckdb.memoryLimit\" must be a size such as \"4GB\", got \""
              + memoryLimit
              + "\"");
    }
  }

  public DuckDbConfig withMemoryLimit(String newMemoryLimit) {
    return new DuckDbConfig(newMemoryLimit, threads, tempDirectory, extensionDirectory, maxTempDirectorySize);
  }

  public DuckDbConfig withMaxTempDirectorySize(String newMaxTempDirectorySize) {
    return new DuckDbConfig(memoryLimit, threads, tempDirectory, extensionDirectory, newMaxTempDirectorySize);
  }

  public DuckDbConfig withTempDirectory(String newTempDirectory) {
    return new DuckDbConfig(memoryLimit, threads, newTempDirectory, extensionDirectory, maxTempDirectorySize);
  }

  public static DuckDbConfig defaults() {
    return new DuckDbConfig(null, 0, null);
  }
}
