package io.analytics.gateway.numeric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A numeric value as PostgreSQL's numeric.c sees it when it picks a result scale: base-10000
 * digits with a weight (the first digit multiplies 10000^weight) and a display scale. PostgreSQL's
 * scale rules are written in these terms, so the gateway reproduces them to show the same digits.
 */
record PgNumericDigits(BigDecimal value, int weight, int firstDigit, int firstTwoDigits, int dscale) {
  private static final int NBASE = 10000;
  static final int DEC_DIGITS = 4;

  /** The digits of {@code value}; its display scale is its scale (never negative, as numeric_in makes it). */
  static PgNumericDigits of(BigDecimal value) {
    int dscale = Math.max(value.scale(), 0);
    if (value.signum() == 0) {
      return new PgNumericDigits(value, 0, 0, 0, dscale);
    }
    BigDecimal abs = value.abs();
    int decimalWeight = abs.precision() - abs.scale() - 1;
    int weight = Math.floorDiv(decimalWeight, DEC_DIGITS);
    int first = abs.movePointLeft(weight * DEC_DIGITS).setScale(0, RoundingMode.DOWN).intValueExact();
    int two = abs.movePointLeft((weight - 1) * DEC_DIGITS).setScale(0, RoundingMode.DOWN).intValueExact();
    return new PgNumericDigits(value, weight, first, two, dscale);
  }

  int signum() {
    return value.signum();
  }

  /** numericvar_to_double_no_overflow: the value as a double, through its text as PostgreSQL does. */
  double toDouble() {
    return Double.parseDouble(value.toString());
  }

  /** estimate_ln_dweight: roughly log10(|ln(value)|), from the first two base-10000 digits. */
  int estimateLnDecimalWeight() {
    if (value.signum() <= 0) {
      return 0;
    }
    if (value.compareTo(new BigDecimal("0.9")) >= 0 && value.compareTo(new BigDecimal("1.1")) <= 0) {
      BigDecimal x = value.subtract(BigDecimal.ONE);
      if (x.signum() == 0) {
        return 0;
      }
      PgNumericDigits digits = of(x);
      return digits.weight * DEC_DIGITS + (int) Math.log10(digits.firstDigit);
    }
    double ln = Math.log(firstTwoDigits) + (weight - 1) * DEC_DIGITS * 2.302585092994046;
    return (int) Math.log10(Math.abs(ln));
  }

  /** Whether the value is a whole number. */
  boolean integral() {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  static int nbase() {
    return NBASE;
  }
}
