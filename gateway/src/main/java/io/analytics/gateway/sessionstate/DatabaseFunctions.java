package io.analytics.gateway.sessionstate;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.FunctionRegistration;
import java.util.Locale;

/**
 * Java functions that live once per DuckDB database and that every session's connection sees once
 * registered: the first session to need them registers them, the others find them by a marker
 * function, in the instance's RegisteredFunctions or else in duckdb_functions(). The registration must register its marker last, so that a session
 * seeing the marker may rely on everything else being there.
 */
public final class DatabaseFunctions {
  private DatabaseFunctions() {}

  /**
   * Registers through {@code engine} unless {@code marker} is already a function. Serialized across
   * sessions: two sessions registering at once made DuckDB fail the one that lost ("Failed to
   * register scalar function", an internal error to its client).
   */
  public static synchronized void registerOnce(EngineSession engine, String marker, FunctionRegistration registration) {
    if (engine.registeredFunctions().contains(marker)) {
      return; // found by a session of the same instance: duckdb_functions() costs milliseconds
    }
    String count = engine.firstColumn(
        "SELECT count(*) FROM duckdb_functions() WHERE function_name = '" + marker.replace("'", "''") + "'").get(0);
    if (!count.equals("0")) {
      engine.registeredFunctions().add(marker);
      return;
    }
    try {
      engine.register(registration);
    } catch (PlatformException e) {
      if (!e.getMessage().toLowerCase(Locale.ROOT).contains("already exists")) {
        throw e; // another gateway in this JVM may share the database and have won; anything else is an error
      }
    }
    // Not remembered yet: a registration in a transaction that rolls back is gone with it. The next session finds the
    // function in duckdb_functions() (committed, then) and remembers it for the instance.
  }
}
