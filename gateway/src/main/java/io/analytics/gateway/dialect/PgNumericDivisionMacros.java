package io.analytics.gateway.dialect;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The session's TEMP macro behind {@link NumericDivision}: {@code x / y} where one operand is a
 * DECIMAL and the other a DECIMAL or an integer is PostgreSQL's numeric division, computed exactly
 * in 128-bit integers; every other pair keeps DuckDB's {@code /}. PostgreSQL's quotient is the
 * exact one rounded half away from zero at select_div_scale's result scale, chosen per value: at
 * least 16 significant digits and no fewer decimals than either operand shows (numeric.c). A DuckDB
 * column has one scale, so the quotient is a DECIMAL(38,20): PostgreSQL's value, shown with 20
 * decimals (PostgreSQL shows 20 for quotients between 0.0001 and 1, 16 between 1 and 9999). A
 * quotient that needs more than 20 decimals (below about 0.0001, or of an operand with more than 20
 * decimals) or more than 18 integer digits is refused with 22003 rather than rounded; division by
 * zero is 22012.
 *
 * <p>A macro's typed parameter casts its argument (a DECIMAL would lose its scale), so each
 * operand is passed twice: untyped for its value, typed only to pick the overload by its type.
 * Intermediate values are named by one-element {@code list_transform} lambdas, evaluated once per row.
 */
public final class PgNumericDivisionMacros {
  static final String DIVIDE = "pg_gateway_divide";
  private static final String POWER_OF_TEN = "pg_gateway_power_of_ten";
  /** The decimals of every exact quotient. */
  static final int SCALE = 20;

  /** 10^i as HUGEINT, i = 0..38, indexed from 1 as DuckDB lists are. */
  private static final String POWERS = IntStream.rangeClosed(0, 38)
      .mapToObj(i -> "CAST('1" + "0".repeat(i) + "' AS HUGEINT)").collect(Collectors.joining(", ", "[", "]"));
  private static final String HUGEINT_MAX = "CAST('170141183460469231731687303715884105727' AS HUGEINT)";
  private static final String DECIMAL_LIMIT = "CAST('" + "9".repeat(38) + "' AS HUGEINT)";

  private PgNumericDivisionMacros() {}

  public static List<String> statements() {
    return List.of(
        // 10^i exactly (a double's power is not exact beyond 10^22): once, for the macro below.
        "CREATE OR REPLACE TEMP MACRO " + POWER_OF_TEN + "(i) AS " + POWERS + "[i + 1]",
        "CREATE OR REPLACE TEMP MACRO " + DIVIDE + "(x, y, a DECIMAL(38,0), b DECIMAL(38,0)) AS " + exact()
            + ", (x, y, a BIGINT, b BIGINT) AS x / y, (x, y, a DOUBLE, b DOUBLE) AS x / y, (x, y, a, b) AS x / y");
  }

  private static String power(String exponent) {
    return POWER_OF_TEN + "(" + exponent + ")";
  }

  /** The scale of an operand's type: a DECIMAL's, 0 for integers (typeof is folded once per statement). */
  private static String scale(String operand) {
    return "CASE WHEN typeof(" + operand + ") LIKE 'DECIMAL(%' THEN CAST(regexp_extract(typeof(" + operand
        + "), ',(\\d+)\\)', 1) AS INTEGER) ELSE 0 END";
  }

  /**
   * An operand's digits as an integer: its integer part and its fraction, each exact (x * 10^s would overflow its type
   * first); a fraction of more than 19 decimals times 10^s would too, so its digits are read from its text instead.
   */
  private static String unscaled(String operand, String scale) {
    return "CASE WHEN " + scale + " <= 19 THEN CAST(trunc(" + operand + ") AS HUGEINT) * " + power(scale) + " + CAST((" + operand
        + " - trunc(" + operand + ")) * " + power(scale) + " AS HUGEINT) ELSE CAST(replace(CAST(" + operand
        + " AS VARCHAR), '.', '') AS HUGEINT) END";
  }

  /**
   * The display scale PostgreSQL's value would carry: the type's scale, except for the DECIMALs the platform gives a
   * numeric whose scale PostgreSQL keeps per value (38,10 a numeric column without precision, 38,16 an average, 38,20 a
   * quotient): their values count only the decimals they show without trailing zeros.
   */
  private static String displayScale(String type, String digits, String scale) {
    StringBuilder trailingZeros = new StringBuilder("CASE");
    for (int zeros = SCALE; zeros >= 1; zeros--) {
      trailingZeros.append(" WHEN ").append(scale).append(" >= ").append(zeros).append(" AND ").append(digits).append(" % ")
          .append(power(String.valueOf(zeros))).append(" = 0 THEN ").append(zeros);
    }
    trailingZeros.append(" ELSE 0 END");
    return "CASE WHEN " + type + " IN ('DECIMAL(38,10)', 'DECIMAL(38,16)', 'DECIMAL(38," + SCALE + ")') THEN " + scale + " - "
        + trailingZeros + " ELSE " + scale + " END";
  }

  /** numeric.c's weight of a nonzero value: the power of 10000 of its first base-10000 digit (0 for zero). */
  private static String weight(String digits, String scale) {
    String exponent = "(length(CAST(abs(" + digits + ") AS VARCHAR)) - 1 - " + scale + ")";
    return "CASE WHEN " + digits + " = 0 THEN 0 WHEN " + exponent + " >= 0 THEN " + exponent + " // 4 ELSE -((3 - " + exponent
        + ") // 4) END";
  }

  /** The first base-10000 digit (1..9999, 0 for zero) of the value at {@code weight}. */
  private static String firstDigit(String digits, String scale, String weight) {
    String shift = "(" + scale + " + 4 * " + weight + ")";
    return "CASE WHEN " + shift + " >= 0 THEN abs(" + digits + ") // " + power(shift) + " ELSE abs(" + digits + ") * "
        + power("-" + shift) + " END";
  }

  private static String exact() {
    String operands = "{'ux': " + unscaled("x", scale("x")) + ", 'sx': " + scale("x") + ", 'tx': typeof(x), 'uy': "
        + unscaled("y", scale("y")) + ", 'sy': " + scale("y") + ", 'ty': typeof(y)}";
    // o: the operands; w: with their weights, first digits and display scales; r: with the result scale.
    String weighed = "{'ux': o.ux, 'sx': o.sx, 'uy': o.uy, 'sy': o.sy, 'wx': " + weight("o.ux", "o.sx") + ", 'wy': "
        + weight("o.uy", "o.sy") + ", 'dx': " + displayScale("o.tx", "o.ux", "o.sx") + ", 'dy': " + displayScale("o.ty", "o.uy", "o.sy")
        + "}";
    String quotientWeight = "(w.wx - w.wy - CASE WHEN " + firstDigit("w.ux", "w.sx", "w.wx") + " <= " + firstDigit("w.uy", "w.sy", "w.wy")
        + " THEN 1 ELSE 0 END)";
    String scaled = "{'ux': w.ux, 'sx': w.sx, 'uy': w.uy, 'sy': w.sy, 'r': least(greatest(16 - 4 * " + quotientWeight
        + ", w.dx, w.dy, 0), 1000)}";
    return "list_transform([" + operands + "], lambda o: list_transform([" + weighed + "], lambda w: list_transform([" + scaled
        + "], lambda r: " + quotient() + ")[1])[1])[1]";
  }

  /** The quotient of r.ux * 10^-r.sx by r.uy * 10^-r.sy rounded half away from zero at r.r decimals, as DECIMAL(38,20). */
  private static String quotient() {
    String k = "(r.r - r.sx + r.sy)";
    // 10^k and the divisor share factors of 2 and 5: dividing both by them keeps the dividend's product small.
    String common = "gcd(abs(r.uy), " + power(k) + ")";
    String dividend = "CASE WHEN " + k + " < 0 THEN abs(r.ux) // " + power("-" + k) + " ELSE abs(r.ux) * (" + power(k) + " // "
        + common + ") END";
    String divisor = "CASE WHEN " + k + " < 0 THEN abs(r.uy) ELSE abs(r.uy) // " + common + " END";
    String tooWide = "r.r > " + SCALE + " OR " + k + " > 38 OR (" + k + " >= 0 AND abs(r.ux) > " + HUGEINT_MAX + " // (" + power(k)
        + " // " + common + "))";
    String rounded = "q.n // q.d + CASE WHEN q.n % q.d >= q.d - q.n % q.d THEN 1 ELSE 0 END";
    String signed = "(" + rounded + ") * sign(r.ux) * sign(r.uy) * " + power(SCALE + " - r.r");
    String result = "CAST(CAST(" + signed + " AS DECIMAL(38,0)) * CAST('0." + "0".repeat(SCALE - 1) + "1' AS DECIMAL(" + (SCALE + 1) + ","
        + SCALE + ")) AS DECIMAL(38," + SCALE + "))";
    String fits = "abs(" + rounded + ") <= " + DECIMAL_LIMIT + " // " + power(SCALE + " - r.r");
    String type = "DECIMAL(38," + SCALE + ")";
    return "CASE WHEN r.ux IS NULL OR r.uy IS NULL THEN CAST(NULL AS " + type + ") WHEN r.uy = 0 THEN CAST(error('division by zero') AS "
        + type + ") WHEN " + tooWide + " THEN "
        + refusal() + " ELSE list_transform([{'n': " + dividend + ", 'd': " + divisor + "}], lambda q: CASE WHEN " + fits + " THEN "
        + result + " ELSE " + refusal() + " END)[1] END";
  }

  private static String refusal() {
    // "[22003]" gives the error its SQLSTATE (DuckDbErrors reads it from the message)
    return "CAST(error('[22003] numeric division result does not fit the gateway''s numeric quotient, of at most " + (38 - SCALE)
        + " integer digits and " + SCALE + " decimals (PostgreSQL''s needs more here); cast an operand to double precision for a "
        + "float8 quotient') AS DECIMAL(38," + SCALE + "))";
  }
}
