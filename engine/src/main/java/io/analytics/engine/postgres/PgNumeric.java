package io.analytics.engine.postgres;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's binary {@code numeric}: a sign, a weight and base-10000 digits. Values are decoded to
 * an unscaled integer at the mirror's scale (rounding half up past it, as a cast in PostgreSQL
 * would) and encoded from one; the common case fits a long and never allocates.
 */
final class PgNumeric {
  static final int POSITIVE = 0x0000;
  static final int NEGATIVE = 0x4000;
  static final int NAN = 0xC000;
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private PgNumeric() {}

  /** Decodes one value to a BigDecimal with exactly {@code scale} fractional digits. */
  static BigDecimal read(PgInput in, int scale) throws IOException {
    int ndigits = in.readShort();
    int weight = in.readShort();
    int sign = in.readShort() & 0xffff;
    in.readShort(); // dscale: the display scale; the target scale decides
    if (sign != POSITIVE && sign != NEGATIVE) {
      for (int i = 0; i < ndigits; i++) {
        in.readShort();
      }
      throw new ArithmeticException(sign == NAN ? "NaN" : "Infinity");
    }
    long mantissa = 0;
    BigInteger big = null;
    for (int i = 0; i < ndigits; i++) {
      int digit = in.readShort();
      if (big == null && mantissa < 100_000_000_000_000L) {
        mantissa = mantissa * 10_000 + digit;
      } else {
        if (big == null) {
          big = BigInteger.valueOf(mantissa);
        }
        big = big.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(digit));
      }
    }
    int exponent = 4 * (weight - ndigits + 1);
    BigDecimal value = big == null
        ? unscaled(mantissa, exponent, scale)
        : new BigDecimal(big).scaleByPowerOfTen(exponent).setScale(scale, RoundingMode.HALF_UP);
    return sign == NEGATIVE ? value.negate() : value;
  }

  private static BigDecimal unscaled(long mantissa, int exponent, int scale) {
    int shift = exponent + scale;
    if (shift >= 0 && shift < POWERS_OF_TEN.length) {
      long factor = POWERS_OF_TEN[shift];
      if (mantissa <= Long.MAX_VALUE / factor) {
        return BigDecimal.valueOf(mantissa * factor, scale);
      }
    }
    return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).setScale(scale, RoundingMode.HALF_UP);
  }

  /** Writes the value {@code unscaled / 10^scale} with its length prefix. */
  static void write(PgOutput out, long unscaled, int scale) {
    if (unscaled == Long.MIN_VALUE) {
      write(out, BigInteger.valueOf(unscaled), scale);
      return;
    }
    int sign = unscaled < 0 ? NEGATIVE : POSITIVE;
    long magnitude = Math.abs(unscaled);
    int fractionGroups = (scale + 3) / 4;
    long integerPart;
    long fraction;
    if (scale < POWERS_OF_TEN.length) {
      integerPart = magnitude / POWERS_OF_TEN[scale];
      fraction = (magnitude % POWERS_OF_TEN[scale]) * POWERS_OF_TEN[fractionGroups * 4 - scale];
    } else {
      write(out, BigInteger.valueOf(unscaled), scale);
      return;
    }
    int[] integerDigits = new int[5];
    int integerGroups = 0;
    while (integerPart > 0) {
      integerDigits[integerGroups++] = (int) (integerPart % 10_000);
      integerPart /= 10_000;
    }
    int ndigits = integerGroups + fractionGroups;
    out.writeInt(8 + 2 * ndigits);
    out.writeShort(ndigits);
    out.writeShort(integerGroups - 1);
    out.writeShort(sign);
    out.writeShort(scale);
    for (int i = integerGroups - 1; i >= 0; i--) {
      out.writeShort(integerDigits[i]);
    }
    int[] fractionDigits = new int[fractionGroups];
    for (int i = fractionGroups - 1; i >= 0; i--) {
      fractionDigits[i] = (int) (fraction % 10_000);
      fraction /= 10_000;
    }
    for (int digit : fractionDigits) {
      out.writeShort(digit);
    }
  }

  /** The general case, for values beyond a long. */
  static void write(PgOutput out, BigInteger unscaled, int scale) {
    int sign = unscaled.signum() < 0 ? NEGATIVE : POSITIVE;
    String digits = unscaled.abs().toString();
    int fractionGroups = (scale + 3) / 4;
    String padded = digits + "0".repeat(fractionGroups * 4 - scale);
    int integerLength = padded.length() - fractionGroups * 4;
    if (integerLength < 0) {
      padded = "0".repeat(-integerLength) + padded;
      integerLength = 0;
    }
    int lead = (4 - integerLength % 4) % 4;
    padded = "0".repeat(lead) + padded;
    int integerGroups = (integerLength + lead) / 4;
    int ndigits = padded.length() / 4;
    out.writeInt(8 + 2 * ndigits);
    out.writeShort(ndigits);
    out.writeShort(integerGroups - 1);
    out.writeShort(sign);
    out.writeShort(scale);
    for (int i = 0; i < ndigits; i++) {
      out.writeShort(Integer.parseInt(padded, i * 4, i * 4 + 4, 10));
    }
  }
}
