package io.analytics.gateway.functions;

import java.util.List;

/**
 * {@code upper} as PostgreSQL's: DuckDB upper-cases the German sharp s (ß) to the capital sharp s (ẞ, U+1E9E),
 * while PostgreSQL (its C library's toupper, one character to one) leaves it as it is ({@code upper('straße')} is
 * {@code STRAßE}, checked on PostgreSQL 15): a silent change of the text. The macro upper-cases the parts
 * between the sharp s's and keeps them; text without one takes DuckDB's upper as before.
 */
final class PgCaseMappingMacros {
  private PgCaseMappingMacros() {}

  static List<String> statements() {
    return List.of("CREATE OR REPLACE TEMP MACRO upper(s) AS CASE WHEN contains(s, 'ß') "
        + "THEN array_to_string(list_transform(string_split(s, 'ß'), lambda part: system.main.upper(part)), 'ß') "
        + "ELSE system.main.upper(s) END");
  }
}
