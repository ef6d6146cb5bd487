package io.analytics.gateway.functions;

import java.util.List;

/**
 * PostgreSQL's {@code scale(numeric)} and {@code min_scale(numeric)} over DuckDB's DECIMAL (integers are numerics of
 * scale 0): scale is the digits after the point the value is shown with (its DECIMAL's scale), min_scale the fewest
 * that show it exactly. A float has no such function in PostgreSQL (42883).
 */
final class PgNumericScaleMacros {
  private static final String INTEGERS = "('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', "
      + "'UINTEGER', 'UBIGINT')";

  private PgNumericScaleMacros() {}

  static List<String> statements() {
    return List.of(
        "CREATE OR REPLACE TEMP MACRO scale(x) AS CASE WHEN typeof(x) IN " + INTEGERS + " THEN CASE WHEN x IS NULL THEN NULL ELSE 0 END "
            + "WHEN typeof(x) LIKE 'DECIMAL%' THEN CASE WHEN x IS NULL THEN NULL "
            + "ELSE CAST(regexp_extract(typeof(x), ',([0-9]+)\\)', 1) AS INTEGER) END "
            + "ELSE error('[42883] function scale(' || lower(typeof(x)) || ') does not exist') END",
        "CREATE OR REPLACE TEMP MACRO min_scale(x) AS CASE WHEN typeof(x) IN " + INTEGERS + " THEN CASE WHEN x IS NULL THEN NULL ELSE 0 END "
            + "WHEN typeof(x) LIKE 'DECIMAL%' THEN CAST(length(rtrim(regexp_extract(CAST(x AS VARCHAR), '\\.([0-9]+)$', 1), '0')) AS INTEGER) "
            + "ELSE error('[42883] function min_scale(' || lower(typeof(x)) || ') does not exist') END");
  }
}
