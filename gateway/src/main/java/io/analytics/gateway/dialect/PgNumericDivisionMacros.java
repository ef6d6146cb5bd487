package io.analytics.gateway.dialect;

import io.analytics.gateway.numeric.NumericQuotientFunction;
import java.util.List;

/**
 * The session's TEMP macro behind {@link NumericDivision}: {@code x / y} where one operand is a
 * DECIMAL and the other a DECIMAL or an integer is PostgreSQL's numeric division, computed exactly by
 * the Java function {@link NumericQuotientFunction} (a DECIMAL(38,20), PostgreSQL's value; 22003 for
 * one that does not fit, 22012 for division by zero); every other pair keeps DuckDB's {@code /}.
 *
 * <p>A macro's typed parameter casts its argument (a DECIMAL would lose its scale), so each
 * operand is passed twice: untyped for its value, typed only to pick the overload by its type. The
 * function gets each operand's text (its exact digits and its type's scale) and whether its type is
 * one of the DECIMALs the platform gives a numeric whose scale PostgreSQL keeps per value (38,10 a
 * numeric column without precision, 38,16 an average, 38,20 a quotient); {@code typeof} is folded
 * once per statement.
 */
public final class PgNumericDivisionMacros {
  static final String DIVIDE = "pg_gateway_divide";
  private static final String SCALE_PER_VALUE = " IN ('DECIMAL(38,10)', 'DECIMAL(38,16)', 'DECIMAL(38,"
      + NumericQuotientFunction.SCALE + ")')";

  private PgNumericDivisionMacros() {}

  /** The macro; {@link NumericQuotientFunction} must be registered in the database first. */
  public static List<String> statements() {
    String exact = NumericQuotientFunction.NAME + "(CAST(x AS VARCHAR), CAST(y AS VARCHAR), typeof(x)" + SCALE_PER_VALUE
        + ", typeof(y)" + SCALE_PER_VALUE + ")";
    return List.of("CREATE OR REPLACE TEMP MACRO " + DIVIDE + "(x, y, a DECIMAL(38,0), b DECIMAL(38,0)) AS " + exact
        + ", (x, y, a BIGINT, b BIGINT) AS x / y, (x, y, a DOUBLE, b DOUBLE) AS x / y, (x, y, a, b) AS x / y");
  }
}
