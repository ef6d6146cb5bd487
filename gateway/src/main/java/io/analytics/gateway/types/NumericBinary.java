package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * PostgreSQL's binary numeric: int16 ndigits, int16 weight (of the first base-10000 digit), int16
 * sign (0x0000 positive, 0x4000 negative, 0xC000 NaN), int16 display scale, then ndigits int16
 * base-10000 digits. Trailing and leading zero digits are not sent.
 */
final class NumericBinary {
  private static final int POSITIVE = 0x0000;
  private static final int NEGATIVE = 0x4000;
  private static final int NAN = 0xC000;

  private NumericBinary() {}

  static void write(ByteBuf out, BigDecimal value) {
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
      base10000[i] = Short.parseShort(padded.substring(i * 4, i * 4 + 4));
    }
    writeGroups(out, base10000, groups, integerGroups, value.signum() < 0, displayScale);
  }

  /** Most base-10000 digits a decimal of up to 18 digits has: 5 before the point and 5 after. */
  static final int MAX_SMALL_GROUPS = 10;

  /**
   * The same encoding for a decimal of up to 18 digits given as its unscaled long, without
   * BigDecimal or strings; {@code groups} is scratch room for {@link #MAX_SMALL_GROUPS} digits.
   */
  static void write(ByteBuf out, long unscaled, int scale, short[] groups) {
    long abs = Math.abs(unscaled);
    long divisor = 1;
    for (int i = 0; i < scale; i++) {
      divisor *= 10;
    }
    long integer = abs / divisor;
    long fraction = abs % divisor;
    int integerGroups = 0;
    for (long rest = integer; rest > 0; rest /= 10_000) {
      integerGroups++;
    }
    int fractionGroups = (scale + 3) / 4;
    int count = integerGroups + fractionGroups;
    // The fraction's last group holds scale % 4 digits, shifted left to fill four places.
    int at = count;
    int partial = scale % 4;
    if (partial != 0) {
      int partialDivisor = partial == 1 ? 10 : partial == 2 ? 100 : 1000;
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

  /**
   * The header and digits of {@code count} base-10000 digits of which the first {@code
   * integerGroups} are before the point, leading and trailing zero digits left out.
   */
  private static void writeGroups(ByteBuf out, short[] groups, int count, int integerGroups, boolean negative, int displayScale) {
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

  static BigDecimal read(ByteBuffer in) {
    int count = in.getShort();
    int weight = in.getShort();
    int sign = in.getShort() & 0xFFFF;
    int displayScale = in.getShort();
    if (sign == NAN) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "numeric NaN is not supported by DuckDB decimals");
    }
    if (sign != POSITIVE && sign != NEGATIVE || count < 0 || displayScale < 0) {
      throw new PlatformException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid sign or digit count in external \"numeric\" value");
    }
    BigInteger unscaled = BigInteger.ZERO;
    BigInteger tenThousand = BigInteger.valueOf(10_000);
    for (int i = 0; i < count; i++) {
      short digit = in.getShort();
      if (digit < 0 || digit > 9999) {
        throw new PlatformException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid digit in external \"numeric\" value");
      }
      unscaled = unscaled.multiply(tenThousand).add(BigInteger.valueOf(digit));
    }
    // The digits are base-10000 with the last one at weight (weight - count + 1).
    BigDecimal value = new BigDecimal(unscaled, 4 * (count - 1 - weight));
    if (sign == NEGATIVE) {
      value = value.negate();
    }
    return value.setScale(displayScale, java.math.RoundingMode.HALF_UP);
  }
}
