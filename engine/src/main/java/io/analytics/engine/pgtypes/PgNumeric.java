package io.analytics.engine.pgtypes;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's binary {@code numeric}, the one codec for the wire protocol and binary COPY: int16
 * ndigits, int16 weight (of the first base-10000 digit), int16 sign (0x0000 positive, 0x4000
 * negative, 0xC000 NaN), int16 display scale, then ndigits int16 base-10000 digits, leading and
 * trailing zero digits left out as PostgreSQL does. The common case, an unscaled value that fits a
 * long, is encoded and decoded without BigDecimal arithmetic or strings.
 */
public final class PgNumeric {
  static final int POSITIVE = 0x0000;
  static final int NEGATIVE = 0x4000;
  static final int NAN = 0xC000;
  /** Most base-10000 digits a long with a scale of up to 18 has: 5 before the point and 5 after. */
  public static final int MAX_SMALL_GROUPS = 10;
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /** Where the encoded int16s go (a Netty buffer, a COPY stream). */
  @FunctionalInterface
  public interface ShortSink {
    void writeShort(int value);
  }

  /** Where the int16s to decode come from. */
  @FunctionalInterface
  public interface ShortSource<E extends Exception> {
    int readShort() throws E;
  }

  private PgNumeric() {}

  /**
   * Writes {@code unscaled / 10^scale} (without a length prefix); {@code groups} is scratch room
   * for {@link #MAX_SMALL_GROUPS} digits. A scale over 18 or Long.MIN_VALUE takes the general path.
   */
  public static void write(ShortSink out, long unscaled, int scale, short[] groups) {
    if (unscaled == Long.MIN_VALUE || scale >= POWERS_OF_TEN.length) {
      write(out, BigDecimal.valueOf(unscaled, scale));
      return;
    }
    long abs = Math.abs(unscaled);
    long integer = abs / POWERS_OF_TEN[scale];
    long fraction = abs % POWERS_OF_TEN[scale];
    int integerGroups = 0;
    for (long rest = integer; rest > 0; rest /= 10_000) {
      integerGroups++;
    }
    int count = integerGroups + (scale + 3) / 4;
    // The fraction's last group holds scale % 4 digits, shifted left to fill four places.
    int at = count;
    int partial = scale % 4;
    if (partial != 0) {
      long partialDivisor = POWERS_OF_TEN[partial];
      groups[--at] = (short) ((fraction % partialDivisor) * (10_000 / partialDivisor));
      fraction /= partialDivisor;
    }
    while (at > integerGroups) {
      groups[--at] = (short) (fraction % 10_000);
      fraction /= 10_000;
    }
    while (at > 0) {
      groups[--at] = (short) (integer % 10_000);
      integer /= 10_000;
    }
    writeGroups(out, groups, count, integerGroups, unscaled < 0, scale);
  }

  /** Writes any decimal (without a length prefix). */
  public static void write(ShortSink out, BigDecimal value) {
    int displayScale = Math.max(value.scale(), 0);
    BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
    String digits = normalized.unscaledValue().abs().toString();
    // Split into integer and fraction digits, then pad both to whole base-10000 groups.
    int integerLength = digits.length() - displayScale;
    String integerPart = integerLength > 0 ? digits.substring(0, integerLength) : "";
    String fractionPart = integerLength > 0 ? digits.substring(integerLength) : "0".repeat(-integerLength) + digits;
    int integerGroups = (integerPart.length() + 3) / 4;
    String padded = "0".repeat(integerGroups * 4 - integerPart.length()) + integerPart + fractionPart
        + "0".repeat((4 - fractionPart.length() % 4) % 4);
    int groups = padded.length() / 4;
    short[] base10000 = new short[groups];
    for (int i = 0; i < groups; i++) {
      base10000[i] = (short) Integer.parseInt(padded, i * 4, i * 4 + 4, 10);
    }
    writeGroups(out, base10000, groups, integerGroups, value.signum() < 0, displayScale);
  }

  /** Writes {@code unscaled / 10^scale} with its int32 length prefix, for binary COPY. */
  public static void write(PgOutput out, long unscaled, int scale) {
    short[] groups = new short[MAX_SMALL_GROUPS];
    Counted counted = new Counted();
    write(counted, unscaled, scale, groups);
    out.writeInt(2 * counted.shorts);
    write(out::writeShort, unscaled, scale, groups);
  }

  /** Writes a value beyond a long with its int32 length prefix, for binary COPY. */
  public static void write(PgOutput out, BigInteger unscaled, int scale) {
    BigDecimal value = new BigDecimal(unscaled, scale);
    Counted counted = new Counted();
    write(counted, value);
    out.writeInt(2 * counted.shorts);
    write(out::writeShort, value);
  }

  /** Counts the int16s an encoding takes, for the length prefix written before it. */
  private static final class Counted implements ShortSink {
    int shorts;

    @Override
    public void writeShort(int value) {
      shorts++;
    }
  }

  /**
   * The header and digits of {@code count} base-10000 digits of which the first {@code
   * integerGroups} are before the point, leading and trailing zero digits left out.
   */
  private static void writeGroups(ShortSink out, short[] groups, int count, int integerGroups, boolean negative, int displayScale) {
    int first = 0;
    while (first < count && groups[first] == 0) {
      first++;
    }
    int last = count - 1;
    while (last >= first && groups[last] == 0) {
      last--;
    }
    int digits = Math.max(0, last - first + 1);
    out.writeShort(digits);
    out.writeShort(digits == 0 ? 0 : integerGroups - 1 - first);
    out.writeShort(digits == 0 || !negative ? POSITIVE : NEGATIVE);
    out.writeShort(displayScale);
    for (int i = first; i <= last; i++) {
      out.writeShort(groups[i]);
    }
  }

  /**
   * Decodes one value to a BigDecimal with {@code scale} fractional digits (rounding half up past
   * it, as a cast in PostgreSQL would), or with the value's display scale when {@code scale} is
   * negative. NaN and infinities, which DuckDB decimals cannot hold, are an ArithmeticException
   * naming them; a malformed value is 22P03.
   */
  public static <E extends Exception> BigDecimal read(ShortSource<E> in, int scale) throws E {
    int ndigits = in.readShort();
    int weight = in.readShort();
    int sign = in.readShort() & 0xffff;
    int displayScale = in.readShort();
    if (ndigits < 0 || displayScale < 0) {
      throw invalid("invalid sign or digit count in external \"numeric\" value");
    }
    if (sign != POSITIVE && sign != NEGATIVE) {
      for (int i = 0; i < ndigits; i++) {
        in.readShort();
      }
      if (sign == NAN || sign == 0xD000 || sign == 0xF000) {
        throw new ArithmeticException(sign == NAN ? "NaN" : "Infinity");
      }
      throw invalid("invalid sign or digit count in external \"numeric\" value");
    }
    long mantissa = 0;
    BigInteger big = null;
    for (int i = 0; i < ndigits; i++) {
      int digit = in.readShort();
      if (digit < 0 || digit > 9999) {
        throw invalid("invalid digit in external \"numeric\" value");
      }
      if (big == null && mantissa < 100_000_000_000_000L) {
        mantissa = mantissa * 10_000 + digit;
      } else {
        if (big == null) {
          big = BigInteger.valueOf(mantissa);
        }
        big = big.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(digit));
      }
    }
    int targetScale = scale < 0 ? displayScale : scale;
    int exponent = 4 * (weight - ndigits + 1);
    BigDecimal value = big == null
        ? unscaled(mantissa, exponent, targetScale)
        : new BigDecimal(big).scaleByPowerOfTen(exponent).setScale(targetScale, RoundingMode.HALF_UP);
    return sign == NEGATIVE ? value.negate() : value;
  }

  /** Decodes one value from a binary COPY stream, at the mirror column's scale. */
  public static BigDecimal read(PgInput in, int scale) throws IOException {
    return read(in::readShort, scale);
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

  private static PlatformException invalid(String message) {
    return new PlatformException(SqlState.INVALID_BINARY_REPRESENTATION, message);
  }
}
