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
  /** A field that is a whole number (month, day, hour, ...), given as its name. */
  static final String WHOLE = "pg_gateway_extract_whole";
  /** The macro of each field that grows without bound, by PostgreSQL's field names. */
  static final Map<String, String> UNBOUNDED = Map.of(
      "year", "pg_gateway_extract_year", "decade", "pg_gateway_extract_decade", "century", "pg_gateway_extract_century",
      "millennium", "pg_gateway_extract_millennium", "isoyear", "pg_gateway_extract_isoyear");
  private static final String REFUSED = "error('numeric infinity is not supported: the gateway''s numeric is DuckDB''s DECIMAL, "
      + "which has no NaN or infinity (extract from an infinite date or timestamp)')";
  /** DuckDB reads a time with time zone's fields in UTC (the hour of 13:30-04 is 17, its time zone 0). */
  private static final String TIMETZ_REFUSED = "error('extract from a time with time zone is not supported by the gateway: "
      + "DuckDB reads its fields in UTC')";
  private static final String MICROS_TO_SECONDS = "CAST(epoch_us(x) AS DECIMAL(18,0)) * CAST(0.000001 AS DECIMAL(7,6))";
  /** The microseconds of a time's clock or an interval's time part (DuckDB's microseconds field holds the seconds too). */
  static final String TIME_MICROS = "(CAST(datepart('hour', x) AS DECIMAL(18,0)) * 3600000000 "
      + "+ CAST(datepart('minute', x) AS DECIMAL(18,0)) * 60000000 + datepart('microseconds', x))";
  /** PostgreSQL's epoch of an interval: a year of months is 365.25 days, another month 30 days. */
  private static final String INTERVAL_SECONDS = "(CAST(datepart('year', x) AS DECIMAL(18,0)) * 31557600 "
      + "+ CAST(datepart('month', x) AS DECIMAL(18,0)) * 2592000 + CAST(datepart('day', x) AS DECIMAL(18,0)) * 86400)";
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
        + "(x TIME) AS " + TIME_MICROS + " * CAST(0.000001 AS DECIMAL(7,6)), "
        + "(x INTERVAL) AS " + INTERVAL_SECONDS + " + " + TIME_MICROS + " * CAST(0.000001 AS DECIMAL(7,6)), "
        + "(x TIMETZ) AS " + TIMETZ_REFUSED + ", (x) AS extract(epoch FROM x)");
    statements.add("CREATE OR REPLACE TEMP MACRO " + WHOLE + "(f, x TIMETZ) AS " + TIMETZ_REFUSED
        + ", (f, x) AS CAST(date_part(f, x) AS DECIMAL(18,0))");
    UNBOUNDED.forEach((field, macro) -> {
      String value = "CASE WHEN NOT isfinite(x) THEN " + REFUSED + " ELSE CAST(" + fromYear(field, "x") + " AS DECIMAL(18,0)) END";
      String zoned = "CASE WHEN NOT isfinite(x) THEN " + REFUSED + " ELSE CAST(" + fromYear(field, "CAST(x AS TIMESTAMP)")
          + " AS DECIMAL(18,0)) END";
      statements.add("CREATE OR REPLACE TEMP MACRO " + macro + "(x DATE) AS " + value + ", (x TIMESTAMP) AS " + value
          + ", (x TIMESTAMPTZ) AS " + zoned + ", (x) AS CAST(extract(" + field + " FROM x) AS DECIMAL(18,0))");
    });
    return List.copyOf(statements);
  }

  /**
   * PostgreSQL's value of an unbounded field of {@code source} (a date or timestamp). A time stamp with
   * time zone is read as its local timestamp: DuckDB's year of a TIMESTAMPTZ is the year of its era
   * (97 for 97 BC), not the astronomical year its formulas need.
   */
  static String fromYear(String field, String source) {
    String year = (field.equals("isoyear") ? "isoyear(" : "year(") + source + ")";
    return "list_transform([" + year + "], lambda y: " + FROM_YEAR.get(field) + ")[1]";
  }
}
