package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection and session of one gateway shares, in the parts each needs: configuration,
 * the home, the session registry and timers; {@link LoginServices} for authentication,
 * {@link ServingInstances} for where a session's SQL runs, {@link StatementServices} for what its
 * statements share, and {@link Monitoring} for audit and metrics.
 */
public record GatewayServices(
    PlatformConfig config,
    PlatformHome home,
    SessionRegistry registry,
    ScheduledExecutorService timers,
    LoginServices logins,
    ServingInstances instances,
    StatementServices statements,
    Monitoring monitoring) {
  public GatewayServices {
    requireNonNull(config, "config is null");
    requireNonNull(home, "home is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(timers, "timers is null");
    requireNonNull(logins, "logins is null");
    requireNonNull(instances, "instances is null");
    requireNonNull(statements, "statements is null");
    requireNonNull(monitoring, "monitoring is null");
  }
}
