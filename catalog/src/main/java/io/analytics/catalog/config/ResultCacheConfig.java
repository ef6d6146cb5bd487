package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The gateway's result cache ({@code gateway.resultCache}).
 *
 * @param maxMemory bytes of encoded results the cache may hold, e.g. "64MB" (default); "0" turns it off
 */
public record ResultCacheConfig(String maxMemory) {
  @JsonCreator
  public ResultCacheConfig(@JsonProperty("maxMemory") String maxMemory) {
    this.maxMemory = maxMemory == null ? "64MB" : maxMemory;
    maxMemoryBytes();
  }

  public static ResultCacheConfig defaults() {
    return new ResultCacheConfig((String) null);
  }

  /** {@link #maxMemory} in bytes (0: no cache). */
  public long maxMemoryBytes() {
    return maxMemory.strip().equals("0") ? 0 : ByteSize.parse("gateway.resultCache.maxMemory", maxMemory);
  }
}
