package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * @param metricsPort HTTP port for /metrics (Prometheus text) and /health; 0 = no HTTP endpoint
 * @param metricsListenAddress address the HTTP endpoint binds, 127.0.0.1 by default
 * @param slowQueryMillis statements slower than this are logged (logger io.analytics.slowquery); 0 = off
 */
public record ObservabilityConfig(int metricsPort, String metricsListenAddress, long slowQueryMillis) {
  @JsonCreator
  public ObservabilityConfig(
      @JsonProperty("metricsPort") Integer metricsPort,
      @JsonProperty("metricsListenAddress") String metricsListenAddress,
      @JsonProperty("slowQueryMillis") Long slowQueryMillis) {
    this(metricsPort == null ? 0 : metricsPort, metricsListenAddress == null ? "127.0.0.1" : metricsListenAddress,
        slowQueryMillis == null ? 1000 : slowQueryMillis);
  }

  public ObservabilityConfig {
    ConfigChecks.checkRange("gateway.observability.metricsPort", metricsPort, 0, 65535);
    if (slowQueryMillis < 0) {
      throw new ConfigException("config key \"gateway.observability.slowQueryMillis\" must be 0 or more");
    }
  }

  public static ObservabilityConfig defaults() {
    return new ObservabilityConfig(null, null, null);
  }

  public ObservabilityConfig withMetricsPort(int port) {
    return new ObservabilityConfig(port, metricsListenAddress, slowQueryMillis);
  }
}
