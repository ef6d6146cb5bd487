package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/**
 * One value's text, built in a small byte array and then copied into the outgoing buffer with a
 * single write. Formatting a number or a timestamp character by character into a Netty buffer pays
 * a bounds and reference-count check per character; plain array stores do not. Each column writer
 * owns one (writers belong to one thread), so nothing is allocated per value.
 */
final class AsciiScratch {
  /** Room for the longest value formatted here: a timestamp with a seconds offset and " BC". */
  private static final int CAPACITY = 64;
  /** "00" to "99", so that digits are produced two per division. */
  private static final byte[] TWO_DIGITS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
      TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private final byte[] bytes = new byte[CAPACITY];
  private int length;

  void append(char ascii) {
    bytes[length++] = (byte) ascii;
  }

  void append(byte[] source, int offset, int count) {
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  /** Copies what was appended since {@code mark} (a {@link #length()}) into {@code target}; returns its length. */
  int copySince(int mark, byte[] target) {
    System.arraycopy(bytes, mark, target, 0, length - mark);
    return length - mark;
  }

  int length() {
    return length;
  }

  void appendLong(long value) {
    if (value == Long.MIN_VALUE) {
      for (int i = 0; i < "-9223372036854775808".length(); i++) {
        append("-9223372036854775808".charAt(i));
      }
      return;
    }
    if (value < 0) {
      append('-');
      value = -value;
    }
    appendUnsigned(value);
  }

  /** A non-negative value. */
  void appendUnsigned(long value) {
    appendDigits(value, digitCount(value));
  }

  /** A non-negative value left-padded with zeros to at least {@code width} digits. */
  void appendPadded(long value, int width) {
    if (width == 2 && value >= 0 && value < 100) {
      // Months, days, hours, minutes, seconds, offsets: two table reads, no division.
      int pair = (int) value * 2;
      bytes[length++] = TWO_DIGITS[pair];
      bytes[length++] = TWO_DIGITS[pair + 1];
      return;
    }
    appendDigits(value, Math.max(width, digitCount(value)));
  }

  /**
   * A fraction of {@code 10^digits} (e.g. microseconds with 6) as PostgreSQL prints it: a dot and
   * the digits without trailing zeros, or nothing when it is zero.
   */
  void appendFraction(long fraction, int digits) {
    if (fraction == 0) {
      return;
    }
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    append('.');
    appendPadded(fraction, digits);
  }

  /** The last {@code count} digits of a non-negative value, zero-padded, filled from the right. */
  private void appendDigits(long value, int count) {
    int end = length + count;
    int at = end;
    while (value > Integer.MAX_VALUE) {
      long quotient = value / 100;
      int pair = (int) (value - quotient * 100) * 2;
      value = quotient;
      bytes[--at] = TWO_DIGITS[pair + 1];
      bytes[--at] = TWO_DIGITS[pair];
    }
    // The rest in int arithmetic: a 32-bit division is several times cheaper than a 64-bit one.
    int rest = (int) value;
    while (rest >= 100) {
      int quotient = rest / 100;
      int pair = (rest - quotient * 100) * 2;
      rest = quotient;
      bytes[--at] = TWO_DIGITS[pair + 1];
      bytes[--at] = TWO_DIGITS[pair];
    }
    int pair = rest * 2;
    bytes[--at] = TWO_DIGITS[pair + 1];
    if (at > length) {
      bytes[--at] = TWO_DIGITS[pair];
    }
    while (at > length) {
      bytes[--at] = '0';
    }
    length = end;
  }

  static int digitCount(long value) {
    int digits = 1;
    long bound = 10;
    while (digits < 19 && value >= bound) {
      bound *= 10;
      digits++;
    }
    return digits;
  }

  /** Writes the text to {@code out} and starts the next value. */
  void writeTo(ByteBuf out) {
    out.writeBytes(bytes, 0, length);
    length = 0;
  }
}
