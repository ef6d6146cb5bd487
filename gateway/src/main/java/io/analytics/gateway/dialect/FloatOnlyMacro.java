package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A session TEMP macro for a function PostgreSQL computes exactly for integers or numerics, where DuckDB would
 * answer a double: overloads for those argument types refuse with 0A000 and a hint at a float8 cast (the refusal is
 * typed as PostgreSQL's answer would be, so a statement that reads no rows still describes its column), and the
 * other overloads answer with DuckDB's function. The shape {@link PgNumericFunctionMacros} and {@link
 * PgVarianceMacros} share; DuckDB's binder picks the overload by the argument's type.
 */
final class FloatOnlyMacro {
  private final String name;
  private final List<String> overloads = new ArrayList<>();

  private FloatOnlyMacro(String name) {
    this.name = requireNonNull(name, "name is null");
  }

  static FloatOnlyMacro named(String name) {
    return new FloatOnlyMacro(name);
  }

  /** Overloads that answer {@code body} for each of {@code parameterLists} (such as {@code "x, y BIGINT"}). */
  FloatOnlyMacro refusing(String body, String... parameterLists) {
    for (String parameters : parameterLists) {
      answering(parameters, body);
    }
    return this;
  }

  FloatOnlyMacro answering(String parameters, String body) {
    overloads.add("(" + parameters + ") AS " + body);
    return this;
  }

  String statement() {
    return "CREATE OR REPLACE TEMP MACRO " + name + String.join(", ", overloads);
  }

  /**
   * The 0A000 error, typed {@code type}: "{@code what} is not supported by the gateway: {@code why}; cast the argument
   * to double precision ({@code function}(x::float8)) for a float8 answer" (DuckDbErrors gives it its SQLSTATE).
   */
  static String refusal(String what, String why, String function, String type) {
    return "CAST(error('" + what + " is not supported by the gateway: " + why + "; cast the argument to double precision ("
        + function + "(x::float8)) for a float8 answer') AS " + type + ")";
  }
}
