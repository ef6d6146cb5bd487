package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.audit.AuditLog;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.server.AdmissionControl;
import io.analytics.gateway.auth.AuthenticatorFactory;
import io.analytics.gateway.tls.ServerTls;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every session of one gateway shares: configuration, the DuckDB instance, the Arrow
 * allocator, the session registry, authentication, timers, and a hook that refreshes the lake's
 * views when pipelines have changed it. {@code replica} says whether the gateway is a read replica
 * (its sessions may not write, 25006), {@code searchPathRouting} how its sessions' search_path
 * reaches the catalogs of {@code database}; {@code readerTier} is the instance read-only roles run
 * on, or null where they share {@code database} (a replica, whose instance is read-only already).
 */
public record GatewayServices(
    PlatformConfig config,
    PlatformHome home,
    DuckDbDatabase database,
    BufferAllocator allocator,
    SessionRegistry registry,
    AuthenticatorFactory authenticators,
    ScheduledExecutorService timers,
    Runnable lakeRefresh,
    Path copyTempDir,
    ServerTls tls,
    AuditLog audit,
    DuckDbDatabase goldTier,
    GatewayMetrics metrics,
    AdmissionControl admission,
    boolean replica,
    SearchPathRouting searchPathRouting,
    io.analytics.gateway.activity.StatementStatistics statementStatistics,
    io.analytics.gateway.notify.NotificationHub notifications,
    io.analytics.gateway.cache.ResultCache resultCache,
    SessionTier readerTier) {
  public GatewayServices {
    requireNonNull(config, "config is null");
    requireNonNull(home, "home is null");
    requireNonNull(database, "database is null");
    requireNonNull(allocator, "allocator is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(authenticators, "authenticators is null");
    requireNonNull(timers, "timers is null");
    requireNonNull(lakeRefresh, "lakeRefresh is null");
    requireNonNull(copyTempDir, "copyTempDir is null");
    requireNonNull(searchPathRouting, "searchPathRouting is null");
    requireNonNull(statementStatistics, "statementStatistics is null");
    requireNonNull(notifications, "notifications is null");
    requireNonNull(resultCache, "resultCache is null");
  }
}
