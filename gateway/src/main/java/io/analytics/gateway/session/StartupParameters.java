package io.analytics.gateway.session;

import io.analytics.gateway.security.Role;
import java.util.Map;

/** Applies a startup packet's parameters (and its {@code options}) to a new session, before the greeting. */
final class StartupParameters {
  private StartupParameters() {}

  /** @param defaultTimeoutMillis the gateway's statement_timeout for every role but admin (0: none) */
  static void apply(Map<String, String> startup, SessionCommands commands, SessionParameters parameters, Role role,
      long defaultTimeoutMillis) {
    if (defaultTimeoutMillis > 0 && !role.administers()) {
      // A shared server's safety net: a runaway query of any role but admin stops, unless the client chose otherwise.
      commands.setFromStartup("statement_timeout", Long.toString(defaultTimeoutMillis));
    }
    for (Map.Entry<String, String> entry : startup.entrySet()) {
      String name = entry.getKey();
      if (name.equals("user") || name.equals("database") || name.startsWith("_pq_.")) {
        continue;
      }
      if (name.equals("options")) {
        for (Map.Entry<String, String> option : StartupOptions.parse(entry.getValue()).entrySet()) {
          commands.setFromStartup(option.getKey(), option.getValue());
        }
      } else if (SessionParameters.isKnown(name)) {
        commands.setFromStartup(name, entry.getValue());
      }
    }
    if (role == Role.APP) {
      // An app session's names resolve through its role's path (gold), whatever the startup packet said.
      parameters.reset("search_path");
    }
    // The session's path (searchPath in the config, by role) is never DuckDB's default, so it is always set.
    commands.applySearchPath();
    commands.applyTimeZone();
  }
}
