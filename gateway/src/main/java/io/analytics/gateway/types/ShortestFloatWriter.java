package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/**
 * Writes PostgreSQL's shortest round-trip float text (extra_float_digits above zero) straight into
 * the output buffer. The shortest digits still come from Schubfach ({@link FloatText}'s source);
 * this class only replaces the strings built around them (a substring, a concatenation, a builder
 * and its copy per value) with one pass over a scratch array, which made float8 the slowest text
 * encoder. Its output is the same as {@link FloatText#float8} and {@link FloatText#float4}; one per
 * column writer, not thread-safe.
 */
final class ShortestFloatWriter {
  /** A Schubfach result has at most 17 significant digits, plus leading zeros such as "0.001". */
  private final byte[] digits = new byte[32];
  private final int fixedBelowExponent;

  /** {@code fixedBelowExponent}: 15 for float8, 6 for float4 (where PostgreSQL turns to 1e+15). */
  ShortestFloatWriter(int fixedBelowExponent) {
    this.fixedBelowExponent = fixedBelowExponent;
  }

  /**
   * Writes {@code javaText}, Java's Double/Float.toString form of a finite non-zero value ("123.45",
   * "1.0E-5", "-4.2E10") as PostgreSQL prints it.
   */
  void write(String javaText, ByteBuf out) {
    int length = javaText.length();
    int i = 0;
    if (javaText.charAt(0) == '-') {
      out.writeByte('-');
      i = 1;
    }
    int count = 0;
    int beforePoint = -1;
    for (; i < length; i++) {
      char c = javaText.charAt(i);
      if (c == '.') {
        beforePoint = count;
      } else if (c == 'E') {
        break;
      } else {
        digits[count++] = (byte) c;
      }
    }
    int exponent = i < length ? Integer.parseInt(javaText, i + 1, length, 10) : 0;
    if (beforePoint < 0) {
      beforePoint = count;
    }
    int first = 0;
    while (first < count - 1 && digits[first] == '0') {
      first++;
    }
    int end = count;
    while (end > first + 1 && digits[end - 1] == '0') {
      end--;
    }
    writeDecimal(first, end, exponent + beforePoint - 1 - first, out);
  }

  /** The significant digits {@code digits[first, end)}, the first of them at 10^{@code exponent}. */
  private void writeDecimal(int first, int end, int exponent, ByteBuf out) {
    int significant = end - first;
    if (exponent >= -4 && exponent < fixedBelowExponent) {
      if (exponent < 0) {
        out.writeByte('0').writeByte('.');
        for (int zeros = -exponent - 1; zeros > 0; zeros--) {
          out.writeByte('0');
        }
        out.writeBytes(digits, first, significant);
      } else if (significant <= exponent + 1) {
        out.writeBytes(digits, first, significant);
        for (int zeros = exponent + 1 - significant; zeros > 0; zeros--) {
          out.writeByte('0');
        }
      } else {
        out.writeBytes(digits, first, exponent + 1);
        out.writeByte('.');
        out.writeBytes(digits, first + exponent + 1, significant - exponent - 1);
      }
      return;
    }
    out.writeByte(digits[first]);
    if (significant > 1) {
      out.writeByte('.');
      out.writeBytes(digits, first + 1, significant - 1);
    }
    out.writeByte('e').writeByte(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      out.writeByte('0');
    }
    if (abs >= 100) {
      out.writeByte('0' + abs / 100);
    }
    if (abs >= 10) {
      out.writeByte('0' + abs / 10 % 10);
    }
    out.writeByte('0' + abs % 10);
  }
}
