package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * @param metricsPort HTTP port for /metrics (Prometheus text) and /health; 0 = no HTTP endpoint
 * @param metricsListenAddress address the HTTP endpoint binds, 127.0.0.1 by default
 * @param slowQueryMillis statements slower than this are logged (logger io.analytics.slowquery); 0 = off
 * @param statusPageAuth whether /status and /status.json ask for an admin's credentials (HTTP Basic):
 *     {@code auto} (the default) when the endpoint binds a non-loopback address, {@code always}, or {@code never}
 */
public record ObservabilityConfig(int metricsPort, String metricsListenAddress, long slowQueryMillis, String statusPageAuth) {
  @JsonCreator
  public ObservabilityConfig(
      @JsonProperty("metricsPort") Integer metricsPort,
      @JsonProperty("metricsListenAddress") String metricsListenAddress,
      @JsonProperty("slowQueryMillis") Long slowQueryMillis,
      @JsonProperty("statusPageAuth") String statusPageAuth) {
    this(metricsPort == null ? 0 : metricsPort, metricsListenAddress == null ? "127.0.0.1" : metricsListenAddress,
        slowQueryMillis == null ? 1000 : slowQueryMillis, statusPageAuth == null ? "auto" : statusPageAuth);
  }

  /** The status page's credentials decided by its address ({@code auto}). */
  public ObservabilityConfig(Integer metricsPort, String metricsListenAddress, Long slowQueryMillis) {
    this(metricsPort, metricsListenAddress, slowQueryMillis, null);
  }

  public ObservabilityConfig {
    ConfigChecks.checkRange("gateway.observability.metricsPort", metricsPort, 0, 65535);
    if (slowQueryMillis < 0) {
      throw new ConfigException("config key \"gateway.observability.slowQueryMillis\" must be 0 or more");
    }
    ConfigChecks.checkOneOf("gateway.observability.statusPageAuth", statusPageAuth, "auto", "always", "never");
  }

  public static ObservabilityConfig defaults() {
    return new ObservabilityConfig(null, null, null, null);
  }

  public ObservabilityConfig withMetricsPort(int port) {
    return new ObservabilityConfig(port, metricsListenAddress, slowQueryMillis, statusPageAuth);
  }
}
