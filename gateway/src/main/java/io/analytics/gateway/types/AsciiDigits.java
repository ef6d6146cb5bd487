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

  /** A non-negative value. */
  static void writeUnsigned(ByteBuf out, long value) {
    int digits = digitCount(value);
    int end = out.writerIndex() + digits;
    out.ensureWritable(digits);
    for (int at = end - 1; at >= end - digits; at--) {
      out.setByte(at, '0' + (int) (value % 10));
      value /= 10;
    }
    out.writerIndex(end);
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
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }
}
