package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.security.Role;

/**
 * The DuckDB instance a session of some role runs on, how its search_path reaches that instance's
 * catalogs, and what must happen before each of its statements (a reader's instance catching up
 * with the warehouse). Each privilege tier has an instance that cannot do what the role may not:
 * {@code app} the gold-only instance, readers the instance with the warehouse attached read-only,
 * writers the warehouse's own.
 */
public record SessionTier(DuckDbDatabase database, SearchPathRouting routing, Runnable beforeStatement) {
  public SessionTier {
    requireNonNull(database, "database is null");
    requireNonNull(routing, "routing is null");
    requireNonNull(beforeStatement, "beforeStatement is null");
  }

  /** The tier for a session of {@code role}: the most restricted instance the gateway has for it. */
  static SessionTier forRole(GatewayServices services, Role role) {
    if (role == Role.APP && services.instances().goldTier() != null) {
      // The gold tier holds just the gold views, read-only, on replicas too.
      return services.instances().goldTier();
    }
    if (!role.writes() && services.instances().readerTier() != null) {
      return services.instances().readerTier();
    }
    return new SessionTier(services.instances().database(), services.instances().searchPathRouting(), () -> {});
  }
}
