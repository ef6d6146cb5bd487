package io.analytics.gateway.dialect;

import io.analytics.engine.session.EngineSession;
import java.util.List;

/**
 * DuckDB's own settings that give PostgreSQL's behaviour, set on every client session's connection
 * before its first statement: a setting is exact where a rewrite of the SQL text could only guess.
 * <ul>
 *   <li>{@code integer_division}: {@code 7 / 2} is 3 (int4), not 3.5, so {@code age / 10} buckets
 *       and filters as in PostgreSQL; with it DuckDB raises division by zero (22012) for {@code 1 / 0}.
 *   <li>{@code ieee_floating_point_ops = false}: {@code 1.0::float8 / 0} is 22012, not Infinity.
 *   <li>{@code default_null_order}: NULLs sort last ascending and first descending. DuckDB keeps
 *       this one instance-wide (it has no session scope), so all sessions of the gateway share it.
 *   <li>{@code preserve_identifier_case = lowercase}: unquoted identifiers fold to lower case, so
 *       {@code SELECT 1 AS Foo} names its column {@code foo}; quoted ones keep their case.
 * </ul>
 */
public final class PostgresDialectSettings {
  private static final List<String> STATEMENTS = List.of(
      "SET integer_division = true",
      "SET ieee_floating_point_ops = false",
      "SET default_null_order = 'nulls_last_on_asc_first_on_desc'",
      "SET preserve_identifier_case = 'lowercase'");

  private PostgresDialectSettings() {}

  /** The SET statements, in the order they are applied. */
  public static List<String> statements() {
    return STATEMENTS;
  }

  /** Applies the settings to a session's DuckDB connection (a locked instance has them instance-wide already). */
  public static void apply(EngineSession engine) {
    if (LockedConfiguration.isLocked(engine)) {
      return;
    }
    for (String statement : STATEMENTS) {
      engine.execute(statement);
    }
  }
}
