package io.analytics.engine.duckdb;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's words for an integer overflow ("Overflow in addition of INT32 (2147483647 + 1)", "Type
 * INT32 with value 32768 can't be cast because the value is out of range for the destination type
 * INT16") in PostgreSQL's ("integer out of range", "smallint out of range"): clients and people
 * match on them, and the SQLSTATE (22003) is already the same.
 */
final class IntegerOverflow {
  private static final Map<String, String> POSTGRES_NAMES = Map.of("INT16", "smallint", "INT32", "integer", "INT64", "bigint");
  private static final Pattern ARITHMETIC = Pattern.compile("^Overflow in (?:addition|subtraction|multiplication|negation) of (INT16|INT32|INT64)\\b.*");
  private static final Pattern CAST = Pattern.compile("^Type \\w+ with value .* can't be cast because the value is out of range for the destination type (INT16|INT32|INT64)$");

  private IntegerOverflow() {}

  /** PostgreSQL's message for DuckDB's {@code message} when it is an integer overflow; otherwise the message itself. */
  static String inPostgresWords(String message) {
    for (Pattern pattern : new Pattern[] {ARITHMETIC, CAST}) {
      Matcher matcher = pattern.matcher(message);
      if (matcher.matches()) {
        return POSTGRES_NAMES.get(matcher.group(1)) + " out of range";
      }
    }
    return message;
  }
}
