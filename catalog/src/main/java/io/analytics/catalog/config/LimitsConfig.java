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
 * @param queryMemory what one query may hold (e.g. "512MB"; null: no limit): the gateway's own result
 *     memory per session is capped at it, and, unless duckdb.memoryLimit is set, the memory budget the
 *     serving instances split becomes this times maxConcurrentQueries (when that is not 0); exceeding either is 53200
 * @param reservedAdminConnections of gateway.maxConnections, slots only admins may take (as PostgreSQL's
 *     superuser_reserved_connections), so an admin can connect while other roles hold all the rest
 * @param defaultStatementTimeoutMillis statement_timeout a session of a role other than admin starts
 *     with (0: none), so a runaway query of a shared server is stopped unless the client chose otherwise
 */
public record LimitsConfig(
    int maxConnectionsPerUser,
    int idleInTransactionTimeoutSeconds,
    int failedLoginsPerMinute,
    int cancelRequestsPerSecond,
    int maxConcurrentQueries,
    long queryQueueTimeoutMillis,
    ByteSize queryMemory,
    int reservedAdminConnections,
    long defaultStatementTimeoutMillis) {
  @JsonCreator
  public LimitsConfig(
      @JsonProperty("maxConnectionsPerUser") Integer maxConnectionsPerUser,
      @JsonProperty("idleInTransactionTimeoutSeconds") Integer idleInTransactionTimeoutSeconds,
      @JsonProperty("failedLoginsPerMinute") Integer failedLoginsPerMinute,
      @JsonProperty("cancelRequestsPerSecond") Integer cancelRequestsPerSecond,
      @JsonProperty("maxConcurrentQueries") Integer maxConcurrentQueries,
      @JsonProperty("queryQueueTimeoutMillis") Long queryQueueTimeoutMillis,
      @JsonProperty("queryMemory") String queryMemory,
      @JsonProperty("reservedAdminConnections") Integer reservedAdminConnections,
      @JsonProperty("defaultStatementTimeoutMillis") Long defaultStatementTimeoutMillis) {
    this(
        maxConnectionsPerUser == null ? 0 : maxConnectionsPerUser,
        idleInTransactionTimeoutSeconds == null ? 0 : idleInTransactionTimeoutSeconds,
        failedLoginsPerMinute == null ? 10 : failedLoginsPerMinute,
        cancelRequestsPerSecond == null ? 20 : cancelRequestsPerSecond,
        maxConcurrentQueries == null ? 0 : maxConcurrentQueries,
        queryQueueTimeoutMillis == null ? 30_000L : queryQueueTimeoutMillis,
        ByteSize.of("gateway.limits.queryMemory", queryMemory),
        reservedAdminConnections == null ? 3 : reservedAdminConnections,
        defaultStatementTimeoutMillis == null ? 15 * 60_000L : defaultStatementTimeoutMillis);
  }

  public LimitsConfig(
      Integer maxConnectionsPerUser, Integer idleInTransactionTimeoutSeconds, Integer failedLoginsPerMinute,
      Integer cancelRequestsPerSecond, Integer maxConcurrentQueries, Long queryQueueTimeoutMillis, String queryMemory) {
    this(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute, cancelRequestsPerSecond,
        maxConcurrentQueries, queryQueueTimeoutMillis, queryMemory, null, null);
  }

  public LimitsConfig(
      Integer maxConnectionsPerUser, Integer idleInTransactionTimeoutSeconds, Integer failedLoginsPerMinute,
      Integer cancelRequestsPerSecond, Integer maxConcurrentQueries, Long queryQueueTimeoutMillis) {
    this(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute, cancelRequestsPerSecond,
        maxConcurrentQueries, queryQueueTimeoutMillis, null);
  }

  public LimitsConfig(
      Integer maxConnectionsPerUser, Integer idleInTransactionTimeoutSeconds, Integer failedLoginsPerMinute,
      Integer cancelRequestsPerSecond) {
    this(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute, cancelRequestsPerSecond, null, null);
  }

  public LimitsConfig {
    ConfigChecks.checkRange("gateway.limits.maxConnectionsPerUser", maxConnectionsPerUser, 0, 100_000);
    ConfigChecks.checkRange("gateway.limits.idleInTransactionTimeoutSeconds", idleInTransactionTimeoutSeconds, 0, 86_400 * 7);
    ConfigChecks.checkRange("gateway.limits.failedLoginsPerMinute", failedLoginsPerMinute, 1, 1_000_000);
    ConfigChecks.checkRange("gateway.limits.cancelRequestsPerSecond", cancelRequestsPerSecond, 1, 1_000_000);
    ConfigChecks.checkRange("gateway.limits.maxConcurrentQueries", maxConcurrentQueries, 0, 100_000);
    ConfigChecks.checkRange("gateway.limits.reservedAdminConnections", reservedAdminConnections, 0, 100_000);
    if (defaultStatementTimeoutMillis < 0) {
      throw new ConfigException("config key \"gateway.limits.defaultStatementTimeoutMillis\" must be 0 or more");
    }
    if (queryQueueTimeoutMillis < 0) {
      throw new ConfigException("config key \"gateway.limits.queryQueueTimeoutMillis\" must be 0 or more");
    }
  }

  public static LimitsConfig defaults() {
    return new LimitsConfig(null, null, null, null, null, null, null, null, null);
  }

  /** The per-query memory limit in bytes, or Long.MAX_VALUE when there is none. */
  public long queryMemoryBytes() {
    return queryMemory == null ? Long.MAX_VALUE : queryMemory.bytes();
  }

  public LimitsConfig withQueryMemory(String newQueryMemory) {
    return new LimitsConfig(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute,
        cancelRequestsPerSecond, maxConcurrentQueries, queryQueueTimeoutMillis, ByteSize.of("gateway.limits.queryMemory", newQueryMemory),
        reservedAdminConnections,
        defaultStatementTimeoutMillis);
  }

  public LimitsConfig withReservedAdminConnections(int slots, long statementTimeoutMillis) {
    return new LimitsConfig(maxConnectionsPerUser, idleInTransactionTimeoutSeconds, failedLoginsPerMinute,
        cancelRequestsPerSecond, maxConcurrentQueries, queryQueueTimeoutMillis, queryMemory, slots, statementTimeoutMillis);
  }
}
