package io.analytics.gateway.numeric;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numeric ^ integer (power_var_int): exact repeated multiplication, rounded once at the result
 * scale. PostgreSQL's crude range test comes first, so {@code 10.0 ^ 2147483647} is 22003 and
 * {@code 10.0 ^ -2147483648} zero without computing a number with billions of digits.
 */
final class IntegerPower {
  private static final int SHRT_MAX = 32767;
  private static final int MAX_POW_EXPONENT = 999_999_999;

  private IntegerPower() {}

  /** base ^ exponent at rscale, or null when the exponent has more digits than BigDecimal's pow takes (nine). */
  static BigDecimal of(PgNumericDigits base, int exponent, int rscale) {
    if (exponent == 0) {
      return BigDecimal.ONE.setScale(rscale);
    }
    BigDecimal value = base.value().stripTrailingZeros();
    if (value.signum() == 0) {
      if (exponent < 0) {
        throw new PlatformException(SqlState.DIVISION_BY_ZERO, "division by zero");
      }
      return BigDecimal.ZERO.setScale(rscale);
    }
    if (value.abs().compareTo(BigDecimal.ONE) == 0) {
      boolean negative = value.signum() < 0 && (exponent & 1) != 0;
      return (negative ? BigDecimal.ONE.negate() : BigDecimal.ONE).setScale(rscale);
    }
    double digits = base.firstTwoDigits();
    int p = (base.weight() - 1) * PgNumericDigits.DEC_DIGITS;
    double weight = exponent * (Math.log10(digits) + p);
    if (weight > 3 * SHRT_MAX * PgNumericDigits.DEC_DIGITS) {
      throw PgNumericMath.overflow();
    }
    if (weight + 1 < -rscale || weight + 1 < -1000) {
      return BigDecimal.ZERO.setScale(rscale);
    }
    if (Math.abs((long) exponent) > MAX_POW_EXPONENT) {
      return null;
    }
    int significant = Math.max((int) weight + 1 + rscale, 1) + 30;
    return value.pow(exponent, new MathContext(significant)).setScale(rscale, RoundingMode.HALF_UP);
  }
}
