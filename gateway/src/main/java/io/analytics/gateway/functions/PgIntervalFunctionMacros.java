package io.analytics.gateway.functions;

import java.util.List;

/**
 * PostgreSQL's interval functions DuckDB lacks, as TEMP macros: {@code make_interval} (named or
 * positional arguments, seconds rounded to microseconds half to even as PostgreSQL's rint), the
 * {@code justify_hours}, {@code justify_days} and {@code justify_interval} of PostgreSQL 15's
 * timestamp.c step by step (divisions truncate toward zero as in C), and {@code date_bin}, which
 * floors the distance from the origin to a multiple of the stride in microseconds. An interval is
 * taken apart into PostgreSQL's three fields (months, days, microseconds) and put together with each
 * field cast to its width, so a result beyond PostgreSQL's range is an error, never a wrapped value.
 */
public final class PgIntervalFunctionMacros {
  static final List<String> NAMES = List.of("make_interval", "justify_hours", "justify_days", "justify_interval", "date_bin");

  private static final String DAY = "86400000000";

  private PgIntervalFunctionMacros() {}

  public static List<String> statements() {
    return List.of(
        macro("pg_gateway_interval(m, d, t)", "to_months(CAST(m AS INTEGER)) + to_days(CAST(d AS INTEGER)) + to_microseconds(CAST(t AS BIGINT))"),
        macro("pg_gateway_months(i)", "CAST(datepart('year', i) AS BIGINT) * 12 + datepart('month', i)"),
        macro("pg_gateway_micros(i)", "CAST(datepart('hour', i) AS BIGINT) * 3600000000 + CAST(datepart('minute', i) AS BIGINT) * 60000000 "
            + "+ datepart('microseconds', i)"),
        macro("make_interval(years := 0, months := 0, weeks := 0, days := 0, hours := 0, mins := 0, secs := 0.0)",
            "CASE WHEN NOT isfinite(CAST(secs AS DOUBLE)) THEN error('interval out of range') ELSE pg_gateway_interval("
                + "CAST(years AS BIGINT) * 12 + months, CAST(weeks AS BIGINT) * 7 + days, "
                + "((CAST(hours AS BIGINT) * 60 + mins) * 60) * 1000000 + CAST(round_even(CAST(secs AS DOUBLE) * 1000000, 0) AS BIGINT)) END"),
        // Whole days of the time moved into the days, then the signs of days and time made to agree.
        macro("pg_gateway_days_agree(m, d, t)", "pg_gateway_interval(m, "
            + "d - CASE WHEN d > 0 AND t < 0 THEN 1 WHEN d < 0 AND t > 0 THEN -1 ELSE 0 END, "
            + "t + CASE WHEN d > 0 AND t < 0 THEN " + DAY + " WHEN d < 0 AND t > 0 THEN -" + DAY + " ELSE 0 END)"),
        macro("justify_hours(i)", "pg_gateway_days_agree(pg_gateway_months(i), "
            + "datepart('day', i) + pg_gateway_micros(i) // " + DAY + ", pg_gateway_micros(i) % " + DAY + ")"),
        macro("pg_gateway_months_agree(m, d, t)", "pg_gateway_interval("
            + "m - CASE WHEN m > 0 AND d < 0 THEN 1 WHEN m < 0 AND d > 0 THEN -1 ELSE 0 END, "
            + "d + CASE WHEN m > 0 AND d < 0 THEN 30 WHEN m < 0 AND d > 0 THEN -30 ELSE 0 END, t)"),
        macro("justify_days(i)", "pg_gateway_months_agree(pg_gateway_months(i) + datepart('day', i) // 30, "
            + "datepart('day', i) % 30, pg_gateway_micros(i))"),
        // justify_interval, defined from its last step to its first (a macro binds the macros it calls when created):
        // days pre-justified into months when days and time share a sign (as PostgreSQL does against overflow), whole
        // days of the time into days, days into months, then the signs of months, days and time made to agree.
        macro("pg_gateway_justify_interval_5(m, d, t)", "pg_gateway_days_agree(m, d, t)"),
        macro("pg_gateway_justify_interval_4(m, d, t)", "pg_gateway_justify_interval_5("
            + "m - CASE WHEN m > 0 AND (d < 0 OR (d = 0 AND t < 0)) THEN 1 WHEN m < 0 AND (d > 0 OR (d = 0 AND t > 0)) THEN -1 ELSE 0 END, "
            + "d + CASE WHEN m > 0 AND (d < 0 OR (d = 0 AND t < 0)) THEN 30 WHEN m < 0 AND (d > 0 OR (d = 0 AND t > 0)) THEN -30 ELSE 0 END, t)"),
        macro("pg_gateway_justify_interval_3(m, d, t)", "pg_gateway_justify_interval_4(m + d // 30, d % 30, t)"),
        macro("pg_gateway_justify_interval_2(m, d, t)", "pg_gateway_justify_interval_3(m, d + t // " + DAY + ", t % " + DAY + ")"),
        macro("pg_gateway_justify_interval_1(m, d, t)", "pg_gateway_justify_interval_2("
            + "m + CASE WHEN (d > 0 AND t > 0) OR (d < 0 AND t < 0) THEN d // 30 ELSE 0 END, "
            + "CASE WHEN (d > 0 AND t > 0) OR (d < 0 AND t < 0) THEN d % 30 ELSE d END, t)"),
        macro("justify_interval(i)", "pg_gateway_justify_interval_1(pg_gateway_months(i), datepart('day', i), pg_gateway_micros(i))"),
        macro("pg_gateway_stride(stride)", "CAST(datepart('day', CAST(stride AS INTERVAL)) AS BIGINT) * " + DAY
            + " + pg_gateway_micros(CAST(stride AS INTERVAL))"),
        macro("pg_gateway_floor_multiple(x, s)", "(x // s - CASE WHEN x % s < 0 THEN 1 ELSE 0 END) * s"),
        // date_bin(stride, source, origin): origin plus the distance floored to a multiple of the stride (at least 1 there:
        // DuckDB folds constant branches of the CASE too, and a stride the CASE refuses must not divide by zero first).
        macro("date_bin(stride, source, origin)", "CASE WHEN pg_gateway_months(CAST(stride AS INTERVAL)) <> 0 "
            + "THEN error('timestamps cannot be binned into intervals containing months or years') "
            + "WHEN pg_gateway_stride(stride) <= 0 THEN error('stride must be greater than zero') "
            + "ELSE origin + to_microseconds(pg_gateway_floor_multiple(epoch_us(source) - epoch_us(origin), greatest(pg_gateway_stride(stride), 1))) END"));
  }

  private static String macro(String signature, String body) {
    return "CREATE OR REPLACE TEMP MACRO " + signature + " AS " + body;
  }
}
