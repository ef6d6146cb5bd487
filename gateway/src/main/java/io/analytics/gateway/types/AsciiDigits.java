package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/** Writes numbers as ASCII digits straight into a buffer, without building a String per value. */
final class AsciiDigits {
  private AsciiDigits() {}

  static void writeLong(ByteBuf out, long value) {
    if (value == Long.MIN_VALUE) {
      out.writeCharSequence("-9223372036854775808", java.nio.charset.StandardCharsets.US_ASCII);
      return;
    }
    if (value < 0) {
      out.writeByte('-');
      value = -value;
    }
    writeUnsigned(out, value);
  }

  /**
   * A non-negative value. Digits go in pairs from a table, two bytes per buffer call and one
   * division per pair: writing text is most of what COPY and text results cost (see make jmh).
   */
  static void writeUnsigned(ByteBuf out, long value) {
    int digits = digitCount(value);
    out.ensureWritable(digits);
    int start = out.writerIndex();
    int at = start + digits;
    while (value >= 100) {
      int pair = (int) (value % 100);
      value /= 100;
      at -= 2;
      out.setShort(at, PAIRS[pair]);
    }
    if (value >= 10) {
      out.setShort(at - 2, PAIRS[(int) value]);
    } else {
      out.setByte(at - 1, '0' + (int) value);
    }
    out.writerIndex(start + digits);
  }

  /** Exactly two digits of a value from 0 to 99 (months, days, hours, minutes, seconds). */
  static void writeTwoDigits(ByteBuf out, int value) {
    out.writeShort(PAIRS[value]);
  }

  /** A non-negative value left-padded with zeros to at least {@code width} digits. */
  static void writePadded(ByteBuf out, long value, int width) {
    for (int digits = digitCount(value); digits < width; digits++) {
      out.writeByte('0');
    }
    writeUnsigned(out, value);
  }

  /**
   * A fraction of {@code 10^digits} (e.g. microseconds with 6) as PostgreSQL prints it: a dot and
   * the digits without trailing zeros, or nothing when it is zero.
   */
  static void writeFraction(ByteBuf out, long fraction, int digits) {
    if (fraction == 0) {
      return;
    }
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    out.writeByte('.');
    writePadded(out, fraction, digits);
  }

  static int digitCount(long value) {
    // log10 from the bit length (1233/4096 ~ log10(2)), then one comparison to correct it.
    int guess = ((64 - Long.numberOfLeadingZeros(value | 1)) * 1233) >>> 12;
    return Math.max(1, guess + (guess < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[guess] ? 1 : 0));
  }

  private static final long[] POWERS_OF_TEN = powersOfTen();

  /** "00".."99" as big-endian shorts, for ByteBuf.setShort. */
  private static final short[] PAIRS = pairs();

  private static long[] powersOfTen() {
    long[] powers = new long[19];
    long power = 1;
    for (int i = 0; i < powers.length; i++) {
      powers[i] = power;
      power *= 10;
    }
    return powers;
  }

  private static short[] pairs() {
    short[] pairs = new short[100];
    for (int i = 0; i < 100; i++) {
      pairs[i] = (short) ((('0' + i / 10) << 8) | ('0' + i % 10));
    }
    return pairs;
  }
}
