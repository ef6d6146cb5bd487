package io.analytics.gateway.types;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PostgreSQL's float4/float8 output. With extra_float_digits above zero (the default, and what
 * pgjdbc sets) it is the shortest text that reads back to the same value (PostgreSQL 12+, Ryu),
 * fixed-point when the decimal exponent is in [-4, 15) for float8 or [-4, 6) for float4, otherwise
 * {@code 1.5e+300}. With extra_float_digits of zero or less, it is {@code %.*g} with 15 (6) plus
 * extra_float_digits significant digits. The shortest digits come from Jackson's Schubfach
 * implementation, since JDK 17's Double.toString is not always shortest.
 */
public final class FloatText {
  private FloatText() {}

  public static String float8(double value, int extraFloatDigits) {
    String special = special(value);
    if (special != null) {
      return special;
    }
    if (extraFloatDigits > 0) {
      return format(Decimal.parseJava(DoubleToDecimal.toString(value)), 15);
    }
    return general(value, Math.max(1, 15 + extraFloatDigits));
  }

  public static String float4(float value, int extraFloatDigits) {
    String special = special(value);
    if (special != null) {
      return special;
    }
    if (extraFloatDigits > 0) {
      return format(Decimal.parseJava(FloatToDecimal.toString(value)), 6);
    }
    return general(value, Math.max(1, 6 + extraFloatDigits));
  }

  /** The text of NaN, the infinities and the zeros; null for any other value. */
  static String special(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    return null;
  }

  /** printf's %.Ng: N significant digits, trailing zeros dropped, scientific below 1e-4 or at 10^N. */
  private static String general(double value, int precision) {
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    String digits = rounded.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - rounded.scale();
    Decimal decimal = new Decimal(value < 0, stripTrailingZeros(digits), exponent);
    return format(decimal, precision);
  }

  private static String format(Decimal decimal, int fixedBelowExponent) {
    StringBuilder text = new StringBuilder(24);
    if (decimal.negative()) {
      text.append('-');
    }
    String digits = decimal.digits();
    int exponent = decimal.exponent();
    if (exponent >= -4 && exponent < fixedBelowExponent) {
      if (exponent < 0) {
        text.append("0.");
        text.append("0".repeat(-exponent - 1));
        text.append(digits);
      } else if (digits.length() <= exponent + 1) {
        text.append(digits);
        text.append("0".repeat(exponent + 1 - digits.length()));
      } else {
        text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
      }
    } else {
      text.append(digits.charAt(0));
      if (digits.length() > 1) {
        text.append('.').append(digits, 1, digits.length());
      }
      text.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        text.append('0');
      }
      text.append(abs);
    }
    return text.toString();
  }

  private static String stripTrailingZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }

  /** Significant digits (no leading or trailing zeros) and the decimal exponent of the first one. */
  record Decimal(boolean negative, String digits, int exponent) {
    /** Parses Java's Double.toString format: "123.45", "1.0E-5", "-4.2E10". */
    static Decimal parseJava(String text) {
      boolean negative = text.charAt(0) == '-';
      String unsigned = negative ? text.substring(1) : text;
      int e = unsigned.indexOf('E');
      String mantissa = e < 0 ? unsigned : unsigned.substring(0, e);
      int exponent = e < 0 ? 0 : Integer.parseInt(unsigned.substring(e + 1));
      int dot = mantissa.indexOf('.');
      String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
      int pointExponent = dot - 1;
      int leading = 0;
      while (leading < all.length() - 1 && all.charAt(leading) == '0') {
        leading++;
      }
      return new Decimal(negative, stripTrailingZeros(all.substring(leading)), exponent + pointExponent - leading);
    }
  }
}
