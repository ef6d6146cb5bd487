package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.activity.StatementStatistics;
import io.analytics.gateway.admission.AdmissionControl;
import io.analytics.gateway.cache.ResultCache;
import io.analytics.gateway.notify.NotificationHub;
import java.nio.file.Path;

/**
 * What the statements of every session share: admission control, the result cache, statement
 * statistics (pg_stat_statements), LISTEN/NOTIFY's hub, a hook that refreshes the lake's views when
 * pipelines have changed it, and the folder COPY FROM STDIN spools into.
 */
public record StatementServices(
    AdmissionControl admission,
    ResultCache resultCache,
    StatementStatistics statementStatistics,
    NotificationHub notifications,
    Runnable lakeRefresh,
    Path copyTempDir) {
  public StatementServices {
    requireNonNull(admission, "admission is null");
    requireNonNull(resultCache, "resultCache is null");
    requireNonNull(statementStatistics, "statementStatistics is null");
    requireNonNull(notifications, "notifications is null");
    requireNonNull(lakeRefresh, "lakeRefresh is null");
    requireNonNull(copyTempDir, "copyTempDir is null");
  }
}
