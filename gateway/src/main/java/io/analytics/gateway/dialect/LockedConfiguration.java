package io.analytics.gateway.dialect;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.session.EngineSession;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DuckDB's {@code lock_configuration} on a serving instance: once set, no SET, RESET or PRAGMA can
 * change any setting but {@code search_path}, {@code schema} and those named in
 * {@code allowed_configs} (itself frozen by the lock), whoever sends it (verified on duckdb_jdbc
 * 2.0.0.1: memory_limit, threads, temp_directory, enable_external_access, allowed_directories,
 * profile_output, enable_logging and lock_configuration itself are all refused), so no client of a
 * shared instance changes what other sessions run with, whatever the guard lets through.
 *
 * <p>The settings the gateway gives each session's connection cannot be SET after the lock, so
 * they are made instance-wide first (new connections start with them) and sessions skip their own
 * SET. Two kinds of lock differ in one thing, the time zone:
 * <ul>
 *   <li>{@link #lock}, the instances only readers use (app's gold tier, the analysts' tier): every
 *       setting is frozen, TimeZone too, so DuckDB computes in UTC there; a session's TimeZone still
 *       decides how the gateway writes timestamptz values.
 *   <li>{@link #lockKeepingSessionTimeZone}, the instances writers use (the warehouse's own, a
 *       replica's snapshot instance): TimeZone stays settable per session, so DuckDB's time-zone
 *       arithmetic follows the session as PostgreSQL's does. DuckDB's exception is by name, so
 *       {@code SET GLOBAL TimeZone} is possible below the guard too; it changes only the default of
 *       connections that set no zone, and every session sets its own ({@code SessionCommands}).
 * </ul>
 */
public final class LockedConfiguration {
  /** The zone a locked instance's connections start in (the gateway's default TimeZone too). */
  public static final String TIME_ZONE = "UTC";

  /**
   * What stays settable on a writers' instance: the session's TimeZone, and duckdb_jdbc's streaming
   * switch, which {@code StreamedErrorRecovery} turns off on the session's own connection to learn
   * a lost error. Nothing that sizes, opens or routes the engine.
   */
  public static final List<String> WRITERS_SESSION_SETTINGS = List.of("TimeZone", "jdbc_stream_results");

  private LockedConfiguration() {}

  /** Makes the sessions' settings instance-wide, then locks every setting; call once setup is done. */
  public static void lock(DuckDbDatabase database) {
    lock(database, List.of());
  }

  /** As {@link #lock}, but each session may still set its TimeZone (see {@link #WRITERS_SESSION_SETTINGS}). */
  public static void lockKeepingSessionTimeZone(DuckDbDatabase database) {
    lock(database, WRITERS_SESSION_SETTINGS);
  }

  private static void lock(DuckDbDatabase database, List<String> stillSettable) {
    for (String statement : PostgresDialectSettings.statements()) {
      database.execute(statement.replaceFirst("^SET ", "SET GLOBAL "));
    }
    database.execute("SET GLOBAL TimeZone = '" + TIME_ZONE + "'");
    if (!stillSettable.isEmpty()) {
      database.execute("SET GLOBAL allowed_configs = "
          + stillSettable.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]")));
    }
    database.execute("SET lock_configuration = true");
  }

  /** Whether the instance of this session's connection is locked: then it already has the session settings. */
  public static boolean isLocked(EngineSession engine) {
    List<String> value = engine.firstColumn("SELECT current_setting('lock_configuration')::VARCHAR");
    return !value.isEmpty() && value.get(0).equalsIgnoreCase("true");
  }

  /** Whether DuckDB refuses this session's {@code SET TimeZone}: its instance is locked without the exception. */
  public static boolean freezesTimeZone(EngineSession engine) {
    List<String> value = engine.firstColumn("SELECT (current_setting('lock_configuration')"
        + " AND NOT list_contains(current_setting('allowed_configs'), 'TimeZone'))::VARCHAR");
    return !value.isEmpty() && value.get(0).equalsIgnoreCase("true");
  }
}
