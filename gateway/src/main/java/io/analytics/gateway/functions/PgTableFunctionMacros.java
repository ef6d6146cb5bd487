package io.analytics.gateway.functions;

import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's set-returning functions DuckDB lacks, as TEMP table macros for FROM:
 * {@code string_to_table(text, delimiter [, null_string])}, the rows of {@code string_to_array} with
 * the same arguments (PgStringFunctionMacros gives that PostgreSQL's answers), in one text column
 * named after the function as PostgreSQL names it.
 */
public final class PgTableFunctionMacros {
  /** The table macros they define, which FROM calls as tables (see TableFunctionNames). */
  public static final Set<String> NAMES = Set.of("string_to_table");

  private PgTableFunctionMacros() {}

  public static List<String> statements() {
    // A NULL null_string replaces nothing, as PostgreSQL's two-argument form (DuckDB has no table macro overloads).
    return List.of("CREATE OR REPLACE TEMP MACRO string_to_table(s, d, n := NULL) AS TABLE "
        + "SELECT unnest(string_to_array(s, d, n)) AS string_to_table");
  }
}
