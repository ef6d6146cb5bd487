package io.analytics.gateway.server;

import io.analytics.catalog.config.ByteSize;
import io.analytics.catalog.config.LimitsConfig;
import io.analytics.catalog.config.PlatformConfig;
import java.util.Optional;

/**
 * Turns the per-query memory limit into DuckDB's instance-wide one. DuckDB bounds a whole database
 * instance, never one query; admission control lets at most {@code maxConcurrentQueries} statements
 * run at once, so an instance limited to {@code queryMemory × maxConcurrentQueries} cannot be pushed
 * past that by the queries together. An explicit {@code duckdb.memoryLimit} always wins.
 */
final class QueryMemoryBudget {
  private QueryMemoryBudget() {}

  /** DuckDB's memory_limit derived from the limits, when the config does not set one and the limits define both factors. */
  static Optional<String> derivedMemoryLimit(PlatformConfig config) {
    LimitsConfig limits = config.gateway().limits();
    if (config.duckdb().memoryLimit() != null || limits.queryMemoryBytes() == 0 || limits.maxConcurrentQueries() == 0) {
      return Optional.empty();
    }
    long bytes = Math.multiplyExact(limits.queryMemoryBytes(), (long) limits.maxConcurrentQueries());
    return Optional.of(bytes + "B");
  }

  /** The config with the derived memory_limit applied, if there is one. */
  static PlatformConfig apply(PlatformConfig config) {
    return derivedMemoryLimit(config)
        .map(limit -> config.withDuckDb(config.duckdb().withMemoryLimit(limit)))
        .orElse(config);
  }

  /** One line for the log saying what bounds DuckDB's memory and why. */
  static String describe(PlatformConfig original) {
    LimitsConfig limits = original.gateway().limits();
    return derivedMemoryLimit(original)
        .map(limit -> "DuckDB memory_limit " + ByteSize.format(ByteSize.parse("memory_limit", limit)) + " = gateway.limits.queryMemory "
            + ByteSize.format(limits.queryMemoryBytes()) + " x maxConcurrentQueries " + limits.maxConcurrentQueries())
        .orElseGet(() -> original.duckdb().memoryLimit() != null
            ? "DuckDB memory_limit " + original.duckdb().memoryLimit() + " (duckdb.memoryLimit)"
            : "DuckDB memory_limit is DuckDB's default (80% of RAM)"
                + (limits.queryMemoryBytes() > 0 ? "; set gateway.limits.maxConcurrentQueries to derive it from queryMemory" : ""));
  }
}
