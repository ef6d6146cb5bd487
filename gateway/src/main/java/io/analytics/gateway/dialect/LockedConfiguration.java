package io.analytics.gateway.dialect;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.session.EngineSession;
import java.util.List;

/**
 * DuckDB's {@code lock_configuration} on a serving instance that only readers use: once set, no
 * SET, RESET or PRAGMA can change any setting but {@code search_path} and {@code schema}, whoever
 * sends it (verified on duckdb_jdbc 2.0.0.1: TimeZone, calendar, the progress bar, memory_limit,
 * threads, profile_output and lock_configuration itself are all refused), so no client of a shared
 * instance changes what other sessions run with, whatever the guard lets through.
 *
 * <p>The settings the gateway gives each session's connection cannot be SET after the lock, so
 * they are made instance-wide first (new connections start with them) and sessions skip their own
 * SET. DuckDB's TimeZone stays UTC on a locked instance: a session's TimeZone still decides how the
 * gateway writes timestamptz values, but DuckDB's own time-zone arithmetic (text to timestamptz
 * without an offset, timestamptz to date, date_trunc) is UTC's there.
 */
public final class LockedConfiguration {
  /** The zone a locked instance's sessions compute in. */
  public static final String TIME_ZONE = "UTC";

  private LockedConfiguration() {}

  /** Makes the sessions' settings instance-wide, then locks the configuration; call once setup is done. */
  public static void lock(DuckDbDatabase database) {
    for (String statement : PostgresDialectSettings.statements()) {
      database.execute(statement.replaceFirst("^SET ", "SET GLOBAL "));
    }
    database.execute("SET GLOBAL TimeZone = '" + TIME_ZONE + "'");
    database.execute("SET lock_configuration = true");
  }

  /** Whether the instance of this session's connection is locked: then it already has the session settings. */
  public static boolean isLocked(EngineSession engine) {
    List<String> value = engine.firstColumn("SELECT current_setting('lock_configuration')::VARCHAR");
    return !value.isEmpty() && value.get(0).equalsIgnoreCase("true");
  }
}
