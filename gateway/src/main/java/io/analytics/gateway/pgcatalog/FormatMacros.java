package io.analytics.gateway.pgcatalog;

import java.util.List;

/**
 * pg_gateway_format(fmt, ...), PostgreSQL's format() with %s, %I and %L (BI tools build qualified
 * names with format('%I.%I', schema, table)): each argument fills the first placeholder left, a %I
 * quoted as an identifier when it is not a plain lower-case one, a %L as a literal.
 */
final class FormatMacros {
  /** Arguments of PostgreSQL's format() that pg_gateway_format takes (its overloads: DuckDB macros are not variadic). */
  private static final int FORMAT_ARGUMENTS = 6;

  private FormatMacros() {}

  static List<String> statements() {
    StringBuilder format = new StringBuilder("CREATE OR REPLACE TEMP MACRO pg_gateway_format(f) AS f");
    for (int count = 1; count <= FORMAT_ARGUMENTS; count++) {
      StringBuilder parameters = new StringBuilder("f");
      String body = "f";
      for (int i = 1; i <= count; i++) {
        parameters.append(", a").append(i);
        body = "pg_gateway_format_next(" + body + ", a" + i + ")";
      }
      format.append(", (").append(parameters).append(") AS ").append(body);
    }
    String text = "CAST(v AS VARCHAR)";
    String identifier = "CASE WHEN regexp_full_match(" + text + ", '[a-z_][a-z0-9_$]*') THEN " + text
        + " ELSE '\"' || replace(" + text + ", '\"', '\"\"') || '\"' END";
    String literal = "CASE WHEN v IS NULL THEN 'NULL' ELSE '''' || replace(" + text + ", '''', '''''') || '''' END";
    return List.of(
        // regexp_replace replaces the first match only; backslashes in the value are escaped for it.
        "CREATE OR REPLACE TEMP MACRO pg_gateway_format_next(f, v) AS CASE regexp_extract(f, '%([sIL])', 1) "
            + "WHEN 's' THEN regexp_replace(f, '%s', " + replacement("COALESCE(" + text + ", '')") + ") "
            + "WHEN 'I' THEN regexp_replace(f, '%I', " + replacement(identifier) + ") "
            + "WHEN 'L' THEN regexp_replace(f, '%L', " + replacement(literal) + ") ELSE f END",
        format.toString());
  }

  private static String replacement(String value) {
    return "replace(" + value + ", '\\', '\\\\')";
  }
}
