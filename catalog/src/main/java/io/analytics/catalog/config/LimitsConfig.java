package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Limits that keep one client or one address from taking the gateway down.
 *
 * @param maxConnectionsPerUser sessions one user may hold at once (0: only gateway.maxConnections applies); beyond it, 53300
 * @param idleInTransactionTimeoutSeconds a session idle inside a transaction longer than this is ended with 25P03 (0: never)
 * @param failedLoginsPerMinute failed logins from one address per minute before each further failure is answered more slowly
 * @param cancelRequestsPerSecond CancelRequests accepted from one address per second; more are dropped, so keys cannot be brute-forced
 * @param maxConcurrentQueries statements DuckDB runs at once across all sessions (0: no limit); others wait their turn
 * @param queryQueueTimeoutMillis how long a statement may wait for its turn before it fails with 53300
 * @param queryMemory what one query may hold (e.g. "256MB"), or null for no per-query bound: the gateway's
 *     Arrow memory for its result, and, with maxConcurrentQueries, DuckDB's memory_limit when duckdb.memoryLimit
 *     is not set (queryMemory × maxConcurrentQueries); beyond it, 53200
 */
public record LimitsConfig(
    int maxConnectionsPerUser,
    int idleInTransactionTimeoutSeconds,
    int failedLoginsPerMinute,
    int cancelRequestsPerSecond,
    int maxConcurrentQueries,
    long queryQueueTimeoutMillis,
    String queryMemory) {
  @JsonCreator
  public LimitsConfig(
      @JsonProperty("maxConnectionsPerUser") Integer maxConnectionsPerUser,
      @JsonProperty("idleInTransactionTimeoutSeconds") Integer idleInTransactionTimeoutSeconds,
      @JsonProperty("failedLoginsPerMinute") Integer failedLoginsPerMinute,
      @JsonProperty("cancelRequestsPerSecond") Integer cancelRequestsPerSecond,
      @JsonProperty("maxConcurrentQueries") Integer maxConcurrentQueries,
      @JsonProperty("queryQueueTimeoutMillis") Long queryQueueTimeoutMillis,
      @JsonProperty("queryMemory") String queryMemory) {
    this(
        maxConnectionsPerUser == null ? 0 : maxConnectionsPerUser,
        idleInTransactionTimeoutSeconds == null ? 0 : idleInTransactionTimeoutSeconds,
        failedLoginsPerMinute == null ? 10 : failedLoginsPerMinute,
        cancelRequestsPerSecond == null ? 20 : cancelRequestsPerSecond,
        maxConcurrentQueries == null ? 0 : maxConcurrentQueries,
        queryQueueTimeoutMillis == null ? 30_000L : queryQueueTimeoutMillis.longValue(),
        queryMemory);
  }

  public LimitsConfig(
      Integer maxConnectionsPerUser, Integer idleInTransactionTimeoutSeconds, Integer failedLoginsPerMinute,
      Integer cancelRequestsPerSecond) {
    this(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute, cancelRequestsPerSecond, null, null,
        null);
  }

  public LimitsConfig {
    ConfigChecks.checkRange("gateway.limits.maxConnectionsPerUser", maxConnectionsPerUser, 0, 100_000);
    ConfigChecks.checkRange("gateway.limits.idleInTransactionTimeoutSeconds", idleInTransactionTimeoutSeconds, 0, 86_400 * 7);
    ConfigChecks.checkRange("gateway.limits.failedLoginsPerMinute", failedLoginsPerMinute, 1, 1_000_000);
    ConfigChecks.checkRange("gateway.limits.cancelRequestsPerSecond", cancelRequestsPerSecond, 1, 1_000_000);
    ConfigChecks.checkRange("gateway.limits.maxConcurrentQueries", maxConcurrentQueries, 0, 100_000);
    if (queryQueueTimeoutMillis < 0) {
      throw new ConfigException("config key \"gateway.limits.queryQueueTimeoutMillis\" must be 0 or more");
    }
    if (queryMemory != null && ByteSize.parse("gateway.limits.queryMemory", queryMemory) < 1 << 20) {
      throw new ConfigException("config key \"gateway.limits.queryMemory\" must be at least 1MiB, got \"" + queryMemory + "\"");
    }
  }

  /** The per-query bound in bytes, or 0 when there is none. */
  public long queryMemoryBytes() {
    return queryMemory == null ? 0 : ByteSize.parse("gateway.limits.queryMemory", queryMemory);
  }

  /** These limits with a per-query memory bound ("256MB"; null for none) and at most {@code concurrent} queries at once. */
  public LimitsConfig withQueryMemory(String newQueryMemory, int concurrent) {
    return new LimitsConfig(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute,
        cancelRequestsPerSecond, concurrent, queryQueueTimeoutMillis, newQueryMemory);
  }

  public static LimitsConfig defaults() {
    return new LimitsConfig(null, null, null, null, null, null, null);
  }
}
