package io.analytics.gateway.cache;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which functions always give the same result for the same arguments, from DuckDB's own function
 * catalog ({@code duckdb_functions()}, column stability): only those may appear in a cached
 * statement. now(), current_date and friends are CONSISTENT_WITHIN_QUERY, random() and nextval()
 * VOLATILE; macros are never taken as deterministic, since their bodies may call anything.
 */
public final class FunctionStability {
  /**
   * SQL's special value keywords, which DuckDB's parser leaves as column references and its binder
   * turns into calls of functions listed under other names (get_current_timestamp, ...): the one
   * place a name list is needed, as the function catalog cannot be asked about them by their names.
   */
  private static final java.util.Set<String> SPECIAL_VALUES = java.util.Set.of("current_timestamp", "current_time",
      "localtimestamp", "localtime", "current_date", "current_user", "current_role", "session_user", "user",
      "current_catalog", "current_schema");

  private final Map<String, Boolean> deterministic;

  FunctionStability(Map<String, Boolean> deterministic) {
    this.deterministic = Map.copyOf(requireNonNull(deterministic, "deterministic is null"));
  }

  /** Reads the function catalog of {@code database}; a name is deterministic only if all its overloads are. */
  public static FunctionStability load(DuckDbDatabase database) {
    Map<String, Boolean> deterministic = new HashMap<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT function_name, stability, function_type FROM duckdb_functions()")) {
      while (rows.next()) {
        String name = rows.getString(1).toLowerCase(Locale.ROOT);
        boolean consistent = "CONSISTENT".equals(rows.getString(2)) && !rows.getString(3).contains("macro");
        deterministic.merge(name, consistent, Boolean::logicalAnd);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read DuckDB's function catalog: " + e.getMessage(), e);
    }
    return new FunctionStability(deterministic);
  }

  /**
   * Whether {@code name} is a function DuckDB lists that is not deterministic: DuckDB's parser leaves
   * {@code current_timestamp}, {@code current_date} and the like as column references, which it binds
   * to these functions when no column has the name.
   */
  boolean isKnownNonDeterministic(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return SPECIAL_VALUES.contains(lower) || Boolean.FALSE.equals(deterministic.get(lower));
  }

  /** Whether calls of {@code name} always return the same for the same arguments; false for names DuckDB does not list. */
  boolean isDeterministic(String name) {
    return deterministic.getOrDefault(name.toLowerCase(Locale.ROOT), false);
  }
}
