package io.analytics.gateway.server;

import io.analytics.engine.duckdb.DuckDbDatabase;

/** What tests outside this package may reach inside a running gateway. */
public final class ServerInternals {
  private ServerInternals() {}

  /** The DuckDB instance client SQL runs in (the warehouse's). */
  public static DuckDbDatabase database(GatewayServer server) {
    return server.services().instances().database();
  }
}
