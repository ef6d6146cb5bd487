package io.analytics.gateway.server;

import io.analytics.catalog.config.ResultCacheConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.cache.FunctionStability;
import io.analytics.gateway.cache.LakeVersions;
import io.analytics.gateway.cache.ResultCache;
import io.analytics.gateway.metrics.GatewayMetrics;

/** Builds the gateway's result cache from its configuration and publishes its counters in /metrics. */
final class ResultCaches {
  private ResultCaches() {}

  static ResultCache create(ResultCacheConfig config, LakeVersions versions, DuckDbDatabase database, GatewayMetrics metrics) {
    long maxBytes = config.maxMemoryBytes();
    ResultCache cache = maxBytes == 0 ? ResultCache.disabled() : new ResultCache(maxBytes, versions, FunctionStability.load(database));
    metrics.gauge("gateway.result.cache.hits", "Statements answered from the result cache", cache, ResultCache::hits);
    metrics.gauge("gateway.result.cache.misses", "Cacheable statements run because no unchanged result was cached", cache,
        ResultCache::misses);
    metrics.gauge("gateway.result.cache.evictions", "Results dropped from the result cache to stay within its memory", cache,
        ResultCache::evictions);
    metrics.gauge("gateway.result.cache.bytes", "Bytes of results the result cache holds", cache, ResultCache::bytes);
    return cache;
  }
}
