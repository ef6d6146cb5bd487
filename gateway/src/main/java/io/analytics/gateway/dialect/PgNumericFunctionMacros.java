package io.analytics.gateway.dialect;

import java.util.List;

/**
 * The session's TEMP macros behind {@link NumericFunctionCalls}: a DECIMAL overload that refuses
 * with 0A000 (DuckDB would answer a double where PostgreSQL answers an exact numeric), and double
 * overloads with DuckDB's function for everything else ({@link FloatOnlyMacro}); and round, whose double overload rounds half
 * to even as PostgreSQL's. The refusal is typed numeric, so a
 * statement that reads no rows still describes the column as PostgreSQL does.
 */
public final class PgNumericFunctionMacros {
  static final String SQRT = "pg_gateway_sqrt";
  static final String EXP = "pg_gateway_exp";
  static final String LN = "pg_gateway_ln";
  static final String LOG = "pg_gateway_log";
  static final String LOG10 = "pg_gateway_log10";
  static final String POWER = "pg_gateway_power";
  static final String ROUND = "pg_gateway_round";
  private static final String OVERFLOW = "error('[22003] value out of range: overflow')";
  private static final String UNDERFLOW = "error('[22003] value out of range: underflow')";
  /** The value as a double: the untyped overloads take text such as '-inf' too, as DuckDB's exp and pow did. */
  private static final String X = "CAST(x AS DOUBLE)";
  private static final String A = "CAST(a AS DOUBLE)";
  private static final String B = "CAST(b AS DOUBLE)";
  private static final String CHECKED_EXP = "CASE WHEN isfinite(" + X + ") AND isinf(exp(" + X + ")) THEN " + OVERFLOW + " WHEN isfinite(" + X
      + ") AND exp(" + X + ") = 0 THEN " + UNDERFLOW + " ELSE exp(" + X + ") END";
  private static final String POW = "pow(" + A + ", " + B + ")";
  private static final String CHECKED_POWER = "CASE WHEN " + A + " = 0 AND " + B + " < 0 THEN error('[2201F] zero raised to a negative power is undefined') "
      + "WHEN " + A + " < 0 AND floor(" + B + ") <> " + B + " THEN error('[2201F] a negative number raised to a non-integer power yields a complex result') "
      + "WHEN isfinite(" + A + ") AND isfinite(" + B + ") AND isinf(" + POW + ") THEN " + OVERFLOW + " "
      + "WHEN isfinite(" + A + ") AND isfinite(" + B + ") AND " + POW + " = 0 AND " + A + " <> 0 THEN " + UNDERFLOW + " ELSE " + POW + " END";

  private PgNumericFunctionMacros() {}

  public static List<String> statements() {
    return List.of(
        oneArgument(SQRT, "sqrt"), oneArgument(LN, "ln"), oneArgument(LOG10, "log10"),
        // float8 exp and power raise PostgreSQL's errors where DuckDB answered Infinity or 0 (float.c's dexp and dpow).
        FloatOnlyMacro.named(EXP).refusing(refusal("exp"), "x DECIMAL(38,0)").answering("x DOUBLE", CHECKED_EXP).answering("x", CHECKED_EXP)
            .statement(),
        FloatOnlyMacro.named(LOG).refusing(refusal("log"), "x DECIMAL(38,0)").answering("x DOUBLE", "log10(x)").answering("x", "log10(x)")
            .refusing(refusal("log"), "b DECIMAL(38,0), x DECIMAL(38,0)").answering("b DOUBLE, x DOUBLE", "log(b, x)")
            .answering("b, x", "log(b, x)").statement(),
        FloatOnlyMacro.named(POWER).refusing(refusal("power"), "a DECIMAL(38,0), b DECIMAL(38,0)").answering("a DOUBLE, b DOUBLE", CHECKED_POWER)
            .answering("a, b", CHECKED_POWER).statement(),
        // round(double precision) is rint in PostgreSQL, half to even (2.5 -> 2), where DuckDB's rounds half away from
        // zero; round(numeric) rounds half away from zero in both. An integer is rounded as a double, as PostgreSQL
        // resolves round(int) to round(double precision). DuckDB prefers the DECIMAL overload for any decimal.
        "CREATE OR REPLACE TEMP MACRO " + ROUND + "(x DECIMAL(38,10)) AS round(x), (x DOUBLE) AS round_even(x, 0), "
            + "(x, digits) AS round(x, digits)");
  }

  private static String oneArgument(String macro, String function) {
    return FloatOnlyMacro.named(macro).refusing(refusal(function), "x DECIMAL(38,0)").answering("x DOUBLE", function + "(x)")
        .answering("x", function + "(x)").statement();
  }

  private static String refusal(String function) {
    return FloatOnlyMacro.refusal(function + "(numeric)", "DuckDB computes it in double precision, where PostgreSQL answers an exact "
        + "numeric", function, "DECIMAL(38,0)");
  }
}
