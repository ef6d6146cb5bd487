package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.audit.AuditLog;
import io.analytics.gateway.metrics.GatewayMetrics;

/** Who watches connections and statements: the audit log and the gateway's metrics. */
public record Monitoring(AuditLog audit, GatewayMetrics metrics) {
  public Monitoring {
    requireNonNull(audit, "audit is null");
    requireNonNull(metrics, "metrics is null");
  }
}
