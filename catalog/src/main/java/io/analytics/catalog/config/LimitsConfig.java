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
 */
public record LimitsConfig(
    int maxConnectionsPerUser, int idleInTransactionTimeoutSeconds, int failedLoginsPerMinute, int cancelRequestsPerSecond) {
  @JsonCreator
  public LimitsConfig(
      @JsonProperty("maxConnectionsPerUser") Integer maxConnectionsPerUser,
      @JsonProperty("idleInTransactionTimeoutSeconds") Integer idleInTransactionTimeoutSeconds,
      @JsonProperty("failedLoginsPerMinute") Integer failedLoginsPerMinute,
      @JsonProperty("cancelRequestsPerSecond") Integer cancelRequestsPerSecond) {
    this(
        maxConnectionsPerUser == null ? 0 : maxConnectionsPerUser,
        idleInTransactionTimeoutSeconds == null ? 0 : idleInTransactionTimeoutSeconds,
        failedLoginsPerMinute == null ? 10 : failedLoginsPerMinute,
        cancelRequestsPerSecond == null ? 20 : cancelRequestsPerSecond);
  }

  public LimitsConfig {
    ConfigChecks.checkRange("gateway.limits.maxConnectionsPerUser", maxConnectionsPerUser, 0, 100_000);
    ConfigChecks.checkRange("gateway.limits.idleInTransactionTimeoutSeconds", idleInTransactionTimeoutSeconds, 0, 86_400 * 7);
    ConfigChecks.checkRange("gateway.limits.failedLoginsPerMinute", failedLoginsPerMinute, 1, 1_000_000);
    ConfigChecks.checkRange("gateway.limits.cancelRequestsPerSecond", cancelRequestsPerSecond, 1, 1_000_000);
  }

  public static LimitsConfig defaults() {
    return new LimitsConfig(null, null, null, null);
  }
}
