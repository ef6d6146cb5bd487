package io.analytics.gateway.dialect;

import java.util.List;
import java.util.Map;

/**
 * The session's TEMP macros behind {@link ExtractNumeric}, one overload per date and timestamp type
 * and one keeping DuckDB's extract for intervals and times: the epoch of a date (whole seconds) or a
 * timestamp (6 decimals) as PostgreSQL's numeric, and the fields that grow without bound counted as
 * PostgreSQL counts years before 1 AD (DuckDB's year 0 is 1 BC, PostgreSQL's year -1; decades,
 * centuries and millennia of BC years are PostgreSQL's timestamp.c formulas). An infinite date or
 * timestamp is refused there, where PostgreSQL answers a numeric infinity that DuckDB's DECIMAL
 * cannot hold (DuckDB's extract answers NULL: a wrong value).
 */
public final class PgExtractMacros {
  static final String EPOCH = "pg_gateway_extract_epoch";
  /** The macro of each field that grows without bound, by PostgreSQL's field names. */
  static final Map<String, String> UNBOUNDED = Map.of(
      "year", "pg_gateway_extract_year", "decade", "pg_gateway_extract_decade", "century", "pg_gateway_extract_century",
      "millennium", "pg_gateway_extract_millennium", "isoyear", "pg_gateway_extract_isoyear");
  private static final String REFUSED = "error('numeric infinity is not supported: the gateway''s numeric is DuckDB''s DECIMAL, "
      + "which has no NaN or infinity (extract from an infinite date or timestamp)')";
  private static final String MICROS_TO_SECONDS = "CAST(epoch_us(x) AS DECIMAL(18,0)) * CAST(0.000001 AS DECIMAL(7,6))";
  /** PostgreSQL's value of each field from DuckDB's astronomical year {@code y} (0 is 1 BC). */
  private static final Map<String, String> FROM_YEAR = Map.of(
      "year", "CASE WHEN y > 0 THEN y ELSE y - 1 END",
      "isoyear", "CASE WHEN y > 0 THEN y ELSE y - 1 END",
      "decade", "CASE WHEN y >= 0 THEN y // 10 ELSE -((8 - (y - 1)) // 10) END",
      "century", "CASE WHEN y > 0 THEN (y + 99) // 100 ELSE -((99 - (y - 1)) // 100) END",
      "millennium", "CASE WHEN y > 0 THEN (y + 999) // 1000 ELSE -((999 - (y - 1)) // 1000) END");

  private PgExtractMacros() {}

  public static List<String> statements() {
    List<String> statements = new java.util.ArrayList<>();
    statements.add("CREATE OR REPLACE TEMP MACRO " + EPOCH + "(x DATE) AS CASE WHEN NOT isfinite(x) THEN " + REFUSED
        + " ELSE CAST(epoch_us(x) // 1000000 AS DECIMAL(18,0)) END, "
        + "(x TIMESTAMP) AS CASE WHEN NOT isfinite(x) THEN " + REFUSED + " ELSE " + MICROS_TO_SECONDS + " END, "
        + "(x TIMESTAMPTZ) AS CASE WHEN NOT isfinite(x) THEN " + REFUSED + " ELSE " + MICROS_TO_SECONDS + " END, "
        // Intervals and times keep DuckDB's epoch (a double): DuckDB counts a year of an interval as 360 days, PostgreSQL 365.25.
        + "(x) AS extract(epoch FROM x)");
    UNBOUNDED.forEach((field, macro) -> {
      String year = field.equals("isoyear") ? "isoyear(x)" : "year(x)";
      String value = "CASE WHEN NOT isfinite(x) THEN " + REFUSED + " ELSE CAST(list_transform([" + year + "], lambda y: "
          + FROM_YEAR.get(field) + ")[1] AS DECIMAL(18,0)) END";
      statements.add("CREATE OR REPLACE TEMP MACRO " + macro + "(x DATE) AS " + value + ", (x TIMESTAMP) AS " + value
          + ", (x TIMESTAMPTZ) AS " + value + ", (x) AS CAST(extract(" + field + " FROM x) AS DECIMAL(18,0))");
    });
    return List.copyOf(statements);
  }
}
