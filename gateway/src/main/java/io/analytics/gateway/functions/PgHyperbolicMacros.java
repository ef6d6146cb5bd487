package io.analytics.gateway.functions;

import java.util.List;

/** {@code acosh} and {@code atanh} refuse input outside their domain with 22003 as PostgreSQL does (DuckDB answered NaN). */
final class PgHyperbolicMacros {
  private PgHyperbolicMacros() {}

  static List<String> statements() {
    return List.of(
        // NaN passes through as NaN (DuckDB orders NaN above every number, so it is tested apart).
        "CREATE OR REPLACE TEMP MACRO acosh(x) AS CASE WHEN NOT isnan(x) AND x < 1 THEN error('[22003] input is out of range') "
            + "ELSE system.main.acosh(x) END",
        "CREATE OR REPLACE TEMP MACRO atanh(x) AS CASE WHEN NOT isnan(x) AND (x < -1 OR x > 1) THEN error('[22003] input is out of range') "
            + "ELSE system.main.atanh(x) END");
  }
}
