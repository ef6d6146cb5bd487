package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.audit.AuditLog;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.StatementFingerprint;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a finished statement is recorded: one audit line, the statement metrics and, when it took
 * longer than gateway.observability.slowQueryMillis, the slow-statement log.
 */
final class StatementLog {
  private static final Logger SLOW = LoggerFactory.getLogger("io.analytics.slowquery");

  private final AuditLog audit;
  private final GatewayMetrics metrics;
  private final long slowQueryMillis;
  private final io.analytics.gateway.activity.StatementStatistics statistics;
  private final String user;
  private final InetAddress clientAddress;
  /** The fingerprints of the texts recorded lately: a dashboard's few statements are normalized once each. */
  private final java.util.Map<String, String> fingerprints = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
      return size() > 256;
    }
  };

  StatementLog(AuditLog audit, GatewayMetrics metrics, io.analytics.gateway.activity.StatementStatistics statistics,
      long slowQueryMillis, String user, InetAddress clientAddress) {
    this.statistics = requireNonNull(statistics, "statistics is null");
    this.audit = requireNonNull(audit, "audit is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.slowQueryMillis = slowQueryMillis;
    this.user = requireNonNull(user, "user is null");
    this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
  }

  /**
   * @param refusedText the statement's whole text when the guard refused it (what was attempted
   *     matters more there than keeping literals out of the log); else null
   */
  /** A client text the lexer rejected before it became statements: audited whole, with the error's SQLSTATE. */
  void unsplittable(String text, String outcome) {
    audit.statement(user, clientAddress, "", 0, 0, outcome, text);
  }

  void record(SqlStatement statement, long rows, long nanos, String outcome, String refusedText) {
    long millis = nanos / 1_000_000;
    String fingerprint = fingerprints.get(statement.sql());
    if (fingerprint == null) {
      fingerprint = StatementFingerprint.of(statement);
      fingerprints.put(statement.sql(), fingerprint);
    }
    audit.statement(user, clientAddress, fingerprint, rows, millis, outcome, refusedText);
    metrics.statement(StatementKinds.of(statement), outcome, nanos, rows);
    if (outcome.equals("ok")) {
      statistics.record(user, fingerprint, nanos / 1e6, rows);
    }
    if (slowQueryMillis > 0 && millis >= slowQueryMillis) {
      SLOW.warn("slow statement: {} ms, {} rows, outcome {}, user {}@{}: {}", millis, rows, outcome, user,
          clientAddress.getHostAddress(), fingerprint);
    }
  }
}
