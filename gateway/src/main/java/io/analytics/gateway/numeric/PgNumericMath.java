package io.analytics.gateway.numeric;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PostgreSQL's numeric division, sqrt, exp, ln, log and power, computed exactly in BigDecimal: each
 * result has the scale numeric.c chooses for it (at least 16 significant digits, never fewer
 * decimals than an input shows) and is rounded half away from zero at that scale, so it prints as
 * PostgreSQL prints it. The transcendental functions work with 30 guard digits, more than
 * PostgreSQL's own, so the rounded digits are PostgreSQL's. Errors carry PostgreSQL's SQLSTATEs.
 */
public final class PgNumericMath {
  private static final int MIN_SIG_DIGITS = 16;
  private static final int MAX_DISPLAY_SCALE = 1000;
  private static final int MAX_RESULT_SCALE = 2000;
  private static final int GUARD_DIGITS = 30;
  private static final double LOG10_E = 0.434294481903252;

  private PgNumericMath() {}

  /** numeric / numeric (select_div_scale). */
  public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    if (divisor.signum() == 0) {
      throw new PlatformException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }
    PgNumericDigits a = PgNumericDigits.of(dividend);
    PgNumericDigits b = PgNumericDigits.of(divisor);
    int qweight = a.weight() - b.weight();
    if (a.firstDigit() <= b.firstDigit()) {
      qweight--;
    }
    int rscale = clamp(Math.max(MIN_SIG_DIGITS - qweight * PgNumericDigits.DEC_DIGITS, Math.max(a.dscale(), b.dscale())));
    return dividend.divide(divisor, rscale, RoundingMode.HALF_UP);
  }

  public static BigDecimal sqrt(BigDecimal value) {
    if (value.signum() < 0) {
      throw new PlatformException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
    }
    PgNumericDigits digits = PgNumericDigits.of(value);
    int sweight = (digits.weight() + 1) * PgNumericDigits.DEC_DIGITS / 2 - 1;
    int rscale = clamp(Math.max(MIN_SIG_DIGITS - sweight, digits.dscale()));
    if (value.signum() == 0) {
      return BigDecimal.ZERO.setScale(rscale);
    }
    MathContext context = new MathContext(significantDigits(sweight, rscale));
    return value.sqrt(context).setScale(rscale, RoundingMode.HALF_UP);
  }

  public static BigDecimal exp(BigDecimal value) {
    PgNumericDigits digits = PgNumericDigits.of(value);
    double weight = Math.min(Math.max(digits.toDouble() * LOG10_E, -MAX_RESULT_SCALE), MAX_RESULT_SCALE);
    int rscale = clamp(Math.max(MIN_SIG_DIGITS - (int) weight, digits.dscale()));
    return exactExp(value, rscale);
  }

  public static BigDecimal ln(BigDecimal value) {
    requireLogArgument(value);
    PgNumericDigits digits = PgNumericDigits.of(value);
    int lnWeight = digits.estimateLnDecimalWeight();
    int rscale = clamp(Math.max(MIN_SIG_DIGITS - lnWeight, digits.dscale()));
    return naturalLog(value, rscale + GUARD_DIGITS).setScale(rscale, RoundingMode.HALF_UP);
  }

  /** log(base, value) (log_var); {@code log(x)} is {@code log(10, x)}. */
  public static BigDecimal log(BigDecimal base, BigDecimal value) {
    requireLogArgument(base);
    requireLogArgument(value);
    PgNumericDigits b = PgNumericDigits.of(base);
    PgNumericDigits v = PgNumericDigits.of(value);
    int baseWeight = b.estimateLnDecimalWeight();
    int valueWeight = v.estimateLnDecimalWeight();
    int resultWeight = valueWeight - baseWeight;
    int rscale = clamp(Math.max(MIN_SIG_DIGITS - resultWeight, Math.max(b.dscale(), v.dscale())));
    int working = rscale + Math.max(resultWeight, 0) + Math.max(-Math.min(baseWeight, valueWeight), 0) + GUARD_DIGITS;
    BigDecimal lnBase = naturalLog(base, working);
    if (lnBase.signum() == 0) {
      throw new PlatformException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }
    return naturalLog(value, working).divide(lnBase, rscale, RoundingMode.HALF_UP);
  }

  /** base ^ exponent (power_var, power_var_int). */
  public static BigDecimal power(BigDecimal base, BigDecimal exponent) {
    if (base.signum() == 0 && exponent.signum() < 0) {
      throw new PlatformException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
    }
    PgNumericDigits b = PgNumericDigits.of(base);
    PgNumericDigits e = PgNumericDigits.of(exponent);
    if (e.integral() && fitsInt(exponent)) {
      int rscale = clamp(Math.max(MIN_SIG_DIGITS, b.dscale()));
      BigDecimal result = IntegerPower.of(b, exponent.intValueExact(), rscale);
      if (result != null) {
        return result;
      }
    }
    if (base.signum() == 0) {
      return BigDecimal.ZERO.setScale(MIN_SIG_DIGITS);
    }
    if (base.signum() < 0) {
      if (!e.integral()) {
        throw new PlatformException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
            "a negative number raised to a non-integer power yields a complex result");
      }
      BigDecimal magnitude = power(base.negate(), exponent);
      return exponent.toBigInteger().testBit(0) ? magnitude.negate() : magnitude;
    }
    int lnWeight = b.estimateLnDecimalWeight();
    int roughScale = Math.max(8 - lnWeight, 0);
    BigDecimal roughLn = naturalLog(base, roughScale + GUARD_DIGITS).setScale(roughScale, RoundingMode.HALF_UP);
    double estimate = Double.parseDouble(roughLn.multiply(exponent).setScale(roughScale, RoundingMode.HALF_UP).toString());
    if (Math.abs(estimate) > MAX_RESULT_SCALE * 3.01) {
      if (estimate > 0) {
        throw overflow();
      }
      return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
    }
    double weight = estimate * LOG10_E;
    int rscale = clamp(Math.max(MIN_SIG_DIGITS - (int) weight, Math.max(b.dscale(), e.dscale())));
    int working = Math.max(rscale + (int) weight, 0) + Math.max(-lnWeight, 0) + Math.max((int) weight, 0) + GUARD_DIGITS;
    BigDecimal product = naturalLog(base, working).multiply(exponent);
    return exactExp(product, rscale);
  }

  private static boolean fitsInt(BigDecimal value) {
    return value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  /** e^value rounded to rscale decimals; 22003 beyond numeric's range, as exp_var. */
  private static BigDecimal exactExp(BigDecimal value, int rscale) {
    double approximate = Double.parseDouble(value.toString());
    if (Math.abs(approximate) >= MAX_RESULT_SCALE * 3) {
      if (approximate > 0) {
        throw overflow();
      }
      return BigDecimal.ZERO.setScale(rscale);
    }
    int dweight = (int) (approximate * LOG10_E);
    int digits = Math.max(1 + dweight + rscale, 0) + GUARD_DIGITS;
    MathContext context = new MathContext(digits);
    BigDecimal x = value.abs();
    int halvings = 0;
    while (x.compareTo(new BigDecimal("0.01")) > 0) {
      x = x.divide(BigDecimal.valueOf(2), new MathContext(digits + 10));
      halvings++;
    }
    MathContext working = new MathContext(digits + halvings + 10);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal limit = BigDecimal.ONE.movePointLeft(working.getPrecision() + 5);
    for (int n = 1; term.abs().compareTo(limit) > 0; n++) {
      term = term.multiply(x, working).divide(BigDecimal.valueOf(n), working);
      sum = sum.add(term, working);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, working);
    }
    if (value.signum() < 0) {
      sum = BigDecimal.ONE.divide(sum, working);
    }
    return sum.round(context).setScale(rscale, RoundingMode.HALF_UP);
  }

  /** ln(value) with {@code scale} correct decimals (value > 0): ln(m * 10^k) = ln(m) + k ln(10), m in [1, 10). */
  static BigDecimal naturalLog(BigDecimal value, int scale) {
    int exponent = value.precision() - value.scale() - 1;
    BigDecimal mantissa = value.movePointLeft(exponent);
    MathContext working = new MathContext(scale + String.valueOf(Math.abs(exponent)).length() + 20);
    BigDecimal result = lnNearOne(mantissa, working);
    if (exponent != 0) {
      result = result.add(lnNearOne(BigDecimal.TEN, working).multiply(BigDecimal.valueOf(exponent), working), working);
    }
    return result.setScale(scale, RoundingMode.HALF_UP);
  }

  /** ln(x) for x in [1, 10]: square roots bring x near 1, then atanh's series, 2 * sum z^(2k+1)/(2k+1), z = (x-1)/(x+1). */
  private static BigDecimal lnNearOne(BigDecimal x, MathContext working) {
    MathContext context = new MathContext(working.getPrecision() + 10);
    BigDecimal reduced = x;
    int roots = 0;
    while (reduced.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.01")) > 0) {
      reduced = reduced.sqrt(context);
      roots++;
    }
    BigDecimal z = reduced.subtract(BigDecimal.ONE).divide(reduced.add(BigDecimal.ONE), context);
    BigDecimal zz = z.multiply(z, context);
    BigDecimal power = z;
    BigDecimal sum = z;
    BigDecimal limit = BigDecimal.ONE.movePointLeft(context.getPrecision() + 5);
    for (int k = 3; power.abs().compareTo(limit) > 0; k += 2) {
      power = power.multiply(zz, context);
      sum = sum.add(power.divide(BigDecimal.valueOf(k), context), context);
    }
    return sum.multiply(BigDecimal.valueOf(2).pow(roots + 1), context);
  }

  private static void requireLogArgument(BigDecimal value) {
    if (value.signum() == 0) {
      throw new PlatformException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
    }
    if (value.signum() < 0) {
      throw new PlatformException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
    }
  }

  /** Significant digits for a result of about {@code weight} integer digits and {@code rscale} decimals, plus guard digits. */
  private static int significantDigits(int weight, int rscale) {
    return Math.max(weight + 1 + rscale, 1) + GUARD_DIGITS;
  }

  static int clamp(int rscale) {
    return Math.min(Math.max(rscale, 0), MAX_DISPLAY_SCALE);
  }

  static PlatformException overflow() {
    return new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
  }
}
