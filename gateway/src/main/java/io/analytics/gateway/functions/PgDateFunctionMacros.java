package io.analytics.gateway.functions;

import java.util.List;

/**
 * PostgreSQL's {@code date_trunc} as a TEMP macro shadowing DuckDB's for the session: a date is
 * truncated as the timestamptz PostgreSQL casts it to (DuckDB answered a timestamp), and centuries
 * and millennia begin with their year 1 (1901, 2001), as PostgreSQL counts them, where DuckDB
 * begins them with year 0 (1900); before 1 AD with timestamp.c's formulas on the astronomical year
 * (DuckDB's year 0 is 1 BC: the century of 55 BC begins in 100 BC). Other fields and types are DuckDB's own date_trunc.
 * {@code make_date} and {@code make_timestamp} read a negative year as PostgreSQL does, -44 as 44 BC (DuckDB's
 * astronomical year -44 is 45 BC), and refuse year 0, which PostgreSQL has not (22008).
 */
public final class PgDateFunctionMacros {
  static final List<String> NAMES = List.of("date_trunc", "make_date", "make_timestamp");

  /** Decades, centuries and millennia of a timestamp in years AD, as PostgreSQL counts them. */
  private static final String TRUNCATED = "CREATE OR REPLACE TEMP MACRO pg_gateway_trunc_timestamp(u, t) AS CASE "
      + "WHEN lower(u) IN ('decade', 'decades', 'century', 'centuries', 'millennium', 'millennia') THEN "
      + "system.main.make_timestamp(list_transform([year(t)], lambda y: CASE WHEN lower(u) IN ('decade', 'decades') THEN "
      + "CASE WHEN y > 0 THEN (y // 10) * 10 ELSE -((8 - (y - 1)) // 10) * 10 END "
      + "WHEN lower(u) IN ('century', 'centuries') THEN "
      + "CASE WHEN y > 0 THEN ((y - 1) // 100) * 100 + 1 ELSE -((99 - (y - 1)) // 100) * 100 + 1 END "
      + "ELSE CASE WHEN y > 0 THEN ((y - 1) // 1000) * 1000 + 1 ELSE -((999 - (y - 1)) // 1000) * 1000 + 1 END END)[1], "
      + "1, 1, 0, 0, 0) ELSE system.main.date_trunc(u, t) END";

  /** PostgreSQL's year (-1 is 1 BC, 0 does not exist) as DuckDB's astronomical year, with PostgreSQL's error for 0. */
  private static final String ASTRONOMICAL_YEAR = "CASE WHEN y = 0 THEN error(printf('[22008] date field value out of range: %d-%02d-%02d', "
      + "y, m, d)) WHEN y < 0 THEN y + 1 ELSE y END";

  private PgDateFunctionMacros() {}

  public static List<String> statements() {
    return List.of(TRUNCATED,
        "CREATE OR REPLACE TEMP MACRO date_trunc(u, t DATE) AS CAST(pg_gateway_trunc_timestamp(u, CAST(t AS TIMESTAMP)) AS TIMESTAMPTZ), "
            + "(u, t TIMESTAMP) AS pg_gateway_trunc_timestamp(u, t), "
            + "(u, t TIMESTAMPTZ) AS CAST(pg_gateway_trunc_timestamp(u, CAST(t AS TIMESTAMP)) AS TIMESTAMPTZ), "
            + "(u, t) AS system.main.date_trunc(u, t)",
        "CREATE OR REPLACE TEMP MACRO make_date(y, m, d) AS system.main.make_date(" + ASTRONOMICAL_YEAR + ", m, d), "
            + "(days) AS system.main.make_date(days)",
        "CREATE OR REPLACE TEMP MACRO make_timestamp(y, m, d, h, mi, s) AS system.main.make_timestamp(" + ASTRONOMICAL_YEAR
            + ", m, d, h, mi, s), (micros) AS system.main.make_timestamp(micros)");
  }
}
