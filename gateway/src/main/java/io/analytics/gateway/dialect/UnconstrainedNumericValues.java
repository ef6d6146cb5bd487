package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Refuses a value with more decimals than the platform's unconstrained numeric holds where DuckDB
 * would store or compare it as that type: DuckDB's cast to {@link UnconstrainedNumericColumns#COLUMN_TYPE}
 * rounds to 10 decimals without a word, where PostgreSQL's numeric keeps every digit. The error is
 * 22003 (out of range), never a rounded value; a numeric(p,s) column keeps rounding to s on store, as
 * in PostgreSQL, because its DuckDB type is a different DECIMAL.
 */
public final class UnconstrainedNumericValues {
  /** The decimals DECIMAL(38,10) holds. */
  static final int MAX_DECIMALS = 10;

  private UnconstrainedNumericValues() {}

  /** Whether DuckDB's type for a value (a parameter's inferred type) is the unconstrained numeric column's. */
  public static boolean isUnconstrained(String duckDbType) {
    return duckDbType != null && duckDbType.replace(" ", "").toUpperCase(Locale.ROOT).equals(UnconstrainedNumericColumns.COLUMN_TYPE);
  }

  /**
   * Checks a bound parameter's value against the type DuckDB will cast it to: a number (or number text)
   * of more than 10 significant decimals headed for DECIMAL(38,10) is refused.
   */
  public static void checkParameter(Object value, String duckDbType) {
    if (!isUnconstrained(duckDbType) || value == null) {
      return;
    }
    BigDecimal number = value instanceof BigDecimal decimal ? decimal : value instanceof String text ? parse(text) : null;
    if (number != null && exceeds(number)) {
      throw tooManyDecimals(number.toPlainString());
    }
  }

  /** Whether the number has more than 10 decimals once its trailing zeros are dropped. */
  static boolean exceeds(BigDecimal number) {
    return number.scale() > MAX_DECIMALS && number.stripTrailingZeros().scale() > MAX_DECIMALS;
  }

  /** The number a literal or a parameter's text spells, or null when it is not one. */
  static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The refusal of a value DuckDB would have stored rounded. */
  public static PlatformException tooManyDecimals(String value) {
    return new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "numeric value " + value + " has more than " + MAX_DECIMALS + " decimals, the most the platform's numeric without a "
            + "precision holds",
        "A numeric column or value without a precision is DuckDB's " + UnconstrainedNumericColumns.COLUMN_TYPE
            + " here, which would round the value to " + MAX_DECIMALS + " decimals.",
        "Declare the column or cast the value as numeric(p,s) with the scale it needs, or round it to " + MAX_DECIMALS
            + " decimals with round(value, " + MAX_DECIMALS + ").", 0, null);
  }
}
