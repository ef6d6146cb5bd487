package io.analytics.gateway.numeric;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunctionBuilder;
import org.duckdb.DuckDBWritableVector;

/**
 * PostgreSQL's numeric division as a Java function in DuckDB, {@value #NAME}(x, y, x keeps a scale per value, y keeps
 * a scale per value), computed with {@link PgNumericMath#divide} a chunk of rows at a time. The operands come as
 * DuckDB's text of a DECIMAL or an integer, which holds the exact digits and the type's scale (a Java function's
 * parameters have fixed types, so a DECIMAL parameter would cast every operand to one scale); the flags say the
 * operand is one of the DECIMALs the platform gives a numeric whose scale PostgreSQL keeps per value, whose trailing
 * zeros PostgreSQL would not show. A DuckDB column has one scale, so the quotient is a DECIMAL(38,20): PostgreSQL's
 * value, shown with 20 decimals. A quotient PostgreSQL gives more than 20 decimals (below about 0.0001, or of an
 * operand with more than 20 decimals) or more than 18 integer digits is refused with 22003 rather than rounded;
 * division by zero is 22012. Registered once per DuckDB database; the division macro of each session calls it.
 */
public final class NumericQuotientFunction {
  /** The function's name, also the marker that it is registered. */
  public static final String NAME = "pg_numeric_quotient";
  /** The decimals of every quotient. */
  public static final int SCALE = 20;
  private static final int PRECISION = 38;
  private static final BigDecimal INTEGER_LIMIT = BigDecimal.TEN.pow(PRECISION - SCALE);

  private NumericQuotientFunction() {}

  public static void register(DuckDBConnection connection) throws SQLException {
    try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction();
        DuckDBLogicalType quotient = DuckDBLogicalType.decimal(PRECISION, SCALE)) {
      builder.withName(NAME)
          .withParameter(DuckDBColumnType.VARCHAR).withParameter(DuckDBColumnType.VARCHAR)
          .withParameter(DuckDBColumnType.BOOLEAN).withParameter(DuckDBColumnType.BOOLEAN)
          .withReturnType(quotient)
          .withVectorizedFunction(NumericQuotientFunction::divide)
          .register(connection);
    }
  }

  private static void divide(DuckDBDataChunkReader input, DuckDBWritableVector output) {
    DuckDBReadableVector dividends = input.vector(0);
    DuckDBReadableVector divisors = input.vector(1);
    DuckDBReadableVector dividendPerValue = input.vector(2);
    DuckDBReadableVector divisorPerValue = input.vector(3);
    long rows = input.rowCount();
    for (long row = 0; row < rows; row++) {
      if (dividends.isNull(row) || divisors.isNull(row)) {
        output.setNull(row);
        continue;
      }
      BigDecimal dividend = operand(dividends.getString(row), dividendPerValue.getBoolean(row, false));
      BigDecimal divisor = operand(divisors.getString(row), divisorPerValue.getBoolean(row, false));
      try {
        output.setBigDecimal(row, quotient(dividend, divisor));
      } catch (PlatformException e) {
        // DuckDB reports the exception's message; DuckDbErrors reads the SQLSTATE from its prefix.
        throw new IllegalArgumentException("[" + e.sqlState().code() + "] " + e.getMessage(), e);
      }
    }
  }

  /**
   * An operand with the display scale PostgreSQL's value would carry: its text's scale, or for a value whose scale is
   * kept per value, the decimals it shows without trailing zeros.
   */
  static BigDecimal operand(String text, boolean scalePerValue) {
    BigDecimal value = new BigDecimal(text);
    if (!scalePerValue || value.scale() <= 0) {
      return value;
    }
    BigDecimal shown = value.stripTrailingZeros();
    return shown.scale() < 0 ? shown.setScale(0) : shown;
  }

  /** PostgreSQL's quotient with {@value #SCALE} decimals, or the refusal of one that does not fit them. */
  static BigDecimal quotient(BigDecimal dividend, BigDecimal divisor) {
    BigDecimal exact = PgNumericMath.divide(dividend, divisor);
    if (exact.scale() > SCALE || exact.abs().compareTo(INTEGER_LIMIT) >= 0) {
      throw new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric division result does not fit the gateway's numeric "
          + "quotient, of at most " + (PRECISION - SCALE) + " integer digits and " + SCALE + " decimals (PostgreSQL's needs more "
          + "here); cast an operand to double precision for a float8 quotient");
    }
    return exact.setScale(SCALE);
  }
}
