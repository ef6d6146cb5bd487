package io.analytics.gateway.dialect;

import java.util.List;

/**
 * The session's TEMP macros behind {@link AggregateResultTypes}: one overload per integer type
 * answering with PostgreSQL's result type (for avg also one for DECIMALs, see {@link DecimalAverage}), and an untyped overload keeping DuckDB's aggregate for
 * every other type (only types with an implicit cast to an overload's type reach it, so a DECIMAL or
 * a double never does). Each body of the one-argument forms holds exactly one aggregate, so they also
 * work as window functions ({@code OVER (...)}).
 */
public final class PgAggregateMacros {
  static final String SUM = "pg_gateway_sum";
  static final String AVG = "pg_gateway_avg";
  static final String NUMERIC = "pg_gateway_numeric";
  static final String WINDOW_AVG = "pg_gateway_window_avg";
  static final String STRING_AGG = "pg_gateway_string_agg";
  /** avg's sum and count travel in one HUGEINT: the sum times 2^40 plus the count (at most 2^40 - 1 rows). */
  private static final String PACKED = "sum(CAST(x AS HUGEINT) * 1099511627776 + 1)";
  /**
   * PostgreSQL shows an average of integers with 16 decimals when it is between 1 and 9999 (numeric division's 16
   * significant digits); a DuckDB column has one scale for all rows, so smaller and larger averages show 16 too.
   */
  private static final int AVG_SCALE = 16;
  private static final String QUOTIENT = "list_transform([" + PACKED + "], lambda p: CAST(((p >> 40) * 2" + "0".repeat(AVG_SCALE)
      + " + sign(p >> 40) * (p & 1099511627775)) // (2 * (p & 1099511627775)) AS DECIMAL(38,0)) * CAST(0." + "0".repeat(AVG_SCALE - 1)
      + "1 AS DECIMAL(" + (AVG_SCALE + 1) + "," + AVG_SCALE + ")))[1]";

  private PgAggregateMacros() {}

  public static List<String> statements() {
    return List.of(
        // sum(int2|int4) is int8 in PostgreSQL; DuckDB's HUGEINT sum cannot overflow, the cast raises 22003 where PostgreSQL would.
        "CREATE OR REPLACE TEMP MACRO " + SUM + "(x SMALLINT) AS CAST(sum(x) AS BIGINT), (x INTEGER) AS CAST(sum(x) AS BIGINT), "
            + "(x) AS sum(x)",
        // The exact quotient sum / count rounded half away from zero at 16 decimals, as numeric division rounds. The
        // packed sum is named by a lambda, not a second macro: DuckDB cannot bind a nested macro in an aliased window call.
        "CREATE OR REPLACE TEMP MACRO " + AVG + "(x SMALLINT) AS " + QUOTIENT + ", (x INTEGER) AS " + QUOTIENT + ", (x BIGINT) AS "
            + QUOTIENT + ", (x) AS avg(x), "
            // avg(x, x) outside window calls: the second copy only picks the overload, by its type; the first keeps its own
            // (a typed parameter casts, and a DECIMAL's scale would be lost). Doubles and integers pick the DOUBLE overload
            // over the DECIMAL one when they have no overload of their own.
            + "(x, y SMALLINT) AS " + QUOTIENT + ", (x, y INTEGER) AS " + QUOTIENT + ", (x, y BIGINT) AS " + QUOTIENT
            + ", (x, y DECIMAL(38,0)) AS " + DecimalAverage.of("x") + ", (x, y DOUBLE) AS avg(x), (x, y) AS avg(x)",
        // string_agg (StringAggregates): bytea joined as bytea, through hex so that every byte survives; a NULL delimiter is none.
        "CREATE OR REPLACE TEMP MACRO " + STRING_AGG + "(x BLOB, d) AS unhex(string_agg(hex(x), coalesce(hex(d), ''))), "
            + "(x, d) AS string_agg(x, coalesce(d, ''))",
        // avg(x, x) OVER (...): as avg(x, x), each body around one aggregate (DuckDB's condition for a window macro).
        "CREATE OR REPLACE TEMP MACRO " + WINDOW_AVG + "(x, y SMALLINT) AS " + QUOTIENT + ", (x, y INTEGER) AS " + QUOTIENT
            + ", (x, y BIGINT) AS " + QUOTIENT + ", (x, y DECIMAL(38,0)) AS " + DecimalAverage.windowed("x")
            + ", (x, y DOUBLE) AS avg(x), (x, y) AS avg(x)",
        // x::numeric (NumericCasts): integers exactly, a DECIMAL as it is, other types refused (their numeric's scale is per value).
        "CREATE OR REPLACE TEMP MACRO " + NUMERIC + "(x SMALLINT) AS CAST(x AS DECIMAL(5,0)), (x INTEGER) AS CAST(x AS DECIMAL(10,0)), "
            + "(x BIGINT) AS CAST(x AS DECIMAL(19,0)), (x HUGEINT) AS CAST(x AS DECIMAL(38,0)), (x) AS CASE WHEN typeof(x) LIKE 'DECIMAL%' "
            + "THEN x ELSE error('numeric without precision of a ' || lower(typeof(x)) || ' value is not supported by the gateway: "
            + "DuckDB''s DECIMAL has one scale for a whole column; cast to numeric(p,s)') END");
  }
}
