package io.analytics.gateway.dialect;

/**
 * The SQL of avg of a DECIMAL as PostgreSQL computes avg(numeric): the exact quotient of the sum and
 * the count, rounded half away from zero at 16 decimals, typed numeric (DuckDB answered a double). A
 * macro's typed parameter casts its argument, which would lose the scale, so the expression reads
 * the DECIMAL sum's scale from its text (DuckDB prints every decimal of the column's scale) and its
 * digits as a 128-bit integer; that happens once per group, the rows only feed DuckDB's own sum and
 * count. A sum of more than 16 decimals is refused with 0A000 rather than rounded to fewer digits
 * than PostgreSQL shows; a sum too large for the 128-bit arithmetic is DuckDB's overflow (22003).
 */
final class DecimalAverage {
  /** PostgreSQL's scale for an average between 1 and 9999 (numeric division's 16 significant digits). */
  static final int SCALE = 16;

  private static final String TEXT = "r.t";
  private static final String DECIMALS =
      "CASE WHEN strpos(" + TEXT + ", '.') = 0 THEN 0 ELSE length(" + TEXT + ") - strpos(" + TEXT + ", '.') END";
  private static final String DIGITS = "CAST(replace(" + TEXT + ", '.', '') AS HUGEINT)";
  /** The sum's digits scaled to 16 decimals, doubled, plus the count toward its sign, integer-divided by twice the count. */
  private static final String ROUNDED = "(2 * " + DIGITS + " * CAST(power(10, " + SCALE + " - " + DECIMALS + ") AS HUGEINT) + sign("
      + DIGITS + ") * r.n) // (2 * r.n)";
  private static final String REFUSAL = "CAST(error('avg of a numeric with more than " + SCALE + " decimals is not supported by the "
      + "gateway: its exact average would need more decimals than the " + SCALE + " the gateway answers; cast the argument to "
      + "numeric(p," + SCALE + ") or to double precision') AS DECIMAL(38," + SCALE + "))";

  private DecimalAverage() {}

  /**
   * The expression for the argument {@code x} as a window call, whose macro body DuckDB takes only around one aggregate:
   * the DECIMAL's digits (its scale read from its type, folded once) and the count travel in one HUGEINT sum, the digits
   * times 2^40 plus 1 per row, as for integers (see PgAggregateMacros); a sum too large for that is DuckDB's overflow
   * (22003), never a rounded average.
   */
  static String windowed(String x) {
    String scale = "CASE WHEN typeof(" + x + ") LIKE 'DECIMAL(%' THEN CAST(regexp_extract(typeof(" + x + "), ',(\\d+)\\)', 1) AS "
        + "INTEGER) ELSE 0 END";
    String power = "CAST(power(10, least(" + scale + ", " + SCALE + ")) AS HUGEINT)";
    String digits = "(CAST(trunc(" + x + ") AS HUGEINT) * " + power + " + CAST((" + x + " - trunc(" + x + ")) * " + power
        + " AS HUGEINT))";
    String sum = "(p >> 40)";
    String count = "(p & 1099511627775)";
    String rounded = "(2 * " + sum + " * CAST(power(10, " + SCALE + " - least(" + scale + ", " + SCALE + ")) AS HUGEINT) + sign(" + sum
        + ") * " + count + ") // (2 * " + count + ")";
    return "list_transform([sum(" + digits + " * 1099511627776 + 1)], lambda p: CASE WHEN " + scale + " > " + SCALE + " THEN "
        + REFUSAL + " ELSE CAST(" + rounded + " AS DECIMAL(38,0)) * CAST(0." + "0".repeat(SCALE - 1) + "1 AS DECIMAL(" + (SCALE + 1)
        + "," + SCALE + ")) END)[1]";
  }

  /** The expression for the argument {@code x}, holding two aggregates (so not for window calls). */
  static String of(String x) {
    return "list_transform([{'t': CAST(sum(" + x + ") AS VARCHAR), 'n': count(" + x + ")}], lambda r: CASE WHEN " + DECIMALS + " > "
        + SCALE + " THEN " + REFUSAL + " ELSE CAST(" + ROUNDED + " AS DECIMAL(38,0)) * CAST(0." + "0".repeat(SCALE - 1) + "1 AS DECIMAL("
        + (SCALE + 1) + "," + SCALE + ")) END)[1]";
  }
}
