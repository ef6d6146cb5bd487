package io.analytics.gateway.functions;

import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's {@code to_char(number, format)} for numeric formats, following formatting.c's NUM_processor:
 * digit positions {@code 9} and {@code 0}, the decimal point {@code .} or {@code D}, group separators {@code ,} or
 * {@code G}, the signs {@code S}, {@code MI}, {@code PL} and {@code SG}, fill mode {@code FM}, double-quoted text and
 * any other character copied. The number is rounded to the format's decimals as PostgreSQL rounds its type (numeric
 * and integers half away from zero, a double through printf's correctly rounded digits, at most 15 significant ones).
 * The other patterns ({@code EEEE}, {@code V}, {@code RN}, {@code TH}, {@code L}, {@code B}, {@code PR}) are refused
 * with 0A000, never formatted otherwise.
 */
final class PgNumberFormat {
  private enum Kind { NINE, ZERO, DECIMAL, COMMA, MINUS, PLUS, SIGN_BOTH, SIGN, TEXT }

  private record Node(Kind kind, String text) {}

  private static final int DOUBLE_DIGITS = 15;
  private static final int FLOAT_DIGITS = 6;

  // The format's description (NUMDesc).
  private final List<Node> nodes = new ArrayList<>();
  private int pre;
  private int post;
  private boolean decimal;
  private boolean fillMode;
  private boolean zero;
  private int zeroStart;
  private int zeroEnd;
  private boolean leadingSign;
  private boolean signPre;
  private int preSignDigits;
  private boolean minus;
  private boolean plus;

  // The processor's state (NUMProc).
  private String number;
  private int numberAt;
  private char sign;
  private boolean signWrote;
  private int outPreSpaces;
  private int numCount;
  private int numCurrent;
  private int lastRelevant = -1;
  /** Whether the last digit position wrote a digit of the number (num_in): a group separator after it is written. */
  private boolean numberIn;
  private final StringBuilder out = new StringBuilder();

  private PgNumberFormat(String format) {
    parse(format);
  }

  /** {@code value} as DuckDB's text of it, of DuckDB type {@code type}, formatted by {@code format}. */
  static String format(String value, String type, String format) {
    PgNumberFormat numberFormat = new PgNumberFormat(format);
    return numberFormat.formatted(value, type.toUpperCase(Locale.ROOT));
  }

  private String formatted(String value, String type) {
    BigDecimal exact = new BigDecimal(value.equalsIgnoreCase("inf") || value.equalsIgnoreCase("-inf") || value.equalsIgnoreCase("nan")
        ? refusedValue(value) : value);
    String digits;
    if (type.equals("DOUBLE") || type.equals("FLOAT")) {
      int significant = type.equals("DOUBLE") ? DOUBLE_DIGITS : FLOAT_DIGITS;
      int preLength = exact.abs().setScale(0, RoundingMode.HALF_EVEN).toPlainString().length();
      int decimals = preLength >= significant ? 0 : Math.min(post, significant - preLength);
      digits = exact.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
      post = decimals; // as float8_to_char, which shortens Num.post to the digits a double holds
    } else if (type.startsWith("DECIMAL") || type.endsWith("INT") || type.equals("INTEGER") || type.equals("SMALLINT")
        || type.equals("TINYINT") || type.equals("BIGINT") || type.equals("HUGEINT")) {
      digits = exact.setScale(post, RoundingMode.HALF_UP).toPlainString();
    } else {
      throw new PgFunctionError(SqlState.UNDEFINED_FUNCTION, "function to_char(" + type.toLowerCase(Locale.ROOT) + ", unknown) does not exist");
    }
    sign = digits.startsWith("-") ? '-' : '+';
    String unsigned = digits.startsWith("-") ? digits.substring(1) : digits;
    int point = unsigned.indexOf('.');
    int preLength = point < 0 ? unsigned.length() : point;
    if (preLength < pre) {
      outPreSpaces = pre - preLength;
    } else if (preLength > pre) {
      unsigned = "#".repeat(pre) + "." + "#".repeat(post);
    }
    number = unsigned;
    return process();
  }

  private static String refusedValue(String value) {
    throw new PgFunctionError(SqlState.FEATURE_NOT_SUPPORTED, "to_char of " + value + " with a numeric format is not supported by the gateway");
  }

  private void parse(String format) {
    int i = 0;
    while (i < format.length()) {
      String rest = format.substring(i).toUpperCase(Locale.ROOT);
      char c = format.charAt(i);
      if (c == '"') {
        int end = i + 1;
        StringBuilder text = new StringBuilder();
        while (end < format.length() && format.charAt(end) != '"') {
          if (format.charAt(end) == '\\' && end + 1 < format.length()) {
            end++;
          }
          text.append(format.charAt(end++));
        }
        nodes.add(new Node(Kind.TEXT, text.toString()));
        i = Math.min(end + 1, format.length());
      } else if (rest.startsWith("FM")) {
        fillMode = true;
        i += 2;
      } else if (rest.startsWith("SG")) {
        requireNoLeadingSign();
        minus = true;
        plus = true;
        nodes.add(new Node(Kind.SIGN_BOTH, null));
        i += 2;
      } else if (rest.startsWith("MI") || rest.startsWith("PL")) {
        requireNoLeadingSign();
        if (rest.startsWith("MI")) {
          minus = true;
        } else {
          plus = true;
        }
        nodes.add(new Node(rest.startsWith("MI") ? Kind.MINUS : Kind.PLUS, null));
        i += 2;
      } else if (rest.startsWith("EEEE") || rest.startsWith("RN") || rest.startsWith("TH") || rest.startsWith("PR")
          || c == 'V' || c == 'v' || c == 'L' || c == 'l' || c == 'B' || c == 'b') {
        throw new PgFunctionError(SqlState.FEATURE_NOT_SUPPORTED,
            "to_char with the numeric format pattern \"" + format.substring(i, Math.min(i + (rest.startsWith("EEEE") ? 4 : rest.startsWith("RN")
                || rest.startsWith("TH") || rest.startsWith("PR") ? 2 : 1), format.length())) + "\" is not supported by the gateway");
      } else if (c == '9' || c == '0') {
        if (c == '0' && !zero && !decimal) {
          zero = true;
          zeroStart = pre; // 0-based: the position of the first 0, counted as the processor counts num_curr
        }
        if (decimal) {
          post++;
        } else {
          pre++;
        }
        if (c == '0') {
          zeroEnd = pre + post;
        }
        nodes.add(new Node(c == '9' ? Kind.NINE : Kind.ZERO, null));
        i++;
      } else if (c == '.' || c == 'D' || c == 'd') {
        if (decimal) {
          throw new PgFunctionError(SqlState.SYNTAX_ERROR, "multiple decimal points");
        }
        decimal = true;
        nodes.add(new Node(Kind.DECIMAL, null));
        i++;
      } else if (c == ',' || c == 'G' || c == 'g') {
        nodes.add(new Node(Kind.COMMA, null));
        i++;
      } else if (c == 'S' || c == 's') {
        if (leadingSign) {
          throw new PgFunctionError(SqlState.SYNTAX_ERROR, "cannot use \"S\" twice");
        }
        if (plus || minus) {
          throw new PgFunctionError(SqlState.SYNTAX_ERROR, "cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
        }
        leadingSign = true;
        signPre = !decimal;
        preSignDigits = pre;
        nodes.add(new Node(Kind.SIGN, null));
        i++;
      } else {
        nodes.add(new Node(Kind.TEXT, String.valueOf(c)));
        i++;
      }
    }
  }

  private void requireNoLeadingSign() {
    if (leadingSign) {
      throw new PgFunctionError(SqlState.SYNTAX_ERROR, "cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
    }
  }

  private String process() {
    if (plus || minus) {
      signWrote = !(plus && !minus);
    } else {
      signWrote = sign == '+' && fillMode && !leadingSign;
      if (leadingSign && signPre && pre == preSignDigits) {
        signPre = false;
      }
    }
    numCount = post + pre - 1;
    if (fillMode && decimal) {
      lastRelevant = lastRelevantDecimal();
      if (lastRelevant >= 0 && zeroEnd > outPreSpaces) {
        int lastZero = Math.min(zeroEnd - outPreSpaces, number.length() - 1);
        lastRelevant = Math.max(lastRelevant, lastZero);
      }
    }
    if (!signWrote && outPreSpaces == 0) {
      numCount++;
    }
    for (Node node : nodes) {
      switch (node.kind()) {
        case NINE, ZERO, DECIMAL -> digit(node.kind());
        case SIGN -> { }
        case COMMA -> {
          if (numberIn) {
            out.append(',');
          } else if (!fillMode) {
            out.append(' ');
          }
        }
        case MINUS -> {
          if (sign == '-') {
            out.append('-');
          } else if (!fillMode) {
            out.append(' ');
          }
        }
        case PLUS -> {
          if (sign == '+') {
            out.append('+');
          } else if (!fillMode) {
            out.append(' ');
          }
        }
        case SIGN_BOTH -> out.append(sign);
        case TEXT -> out.append(node.text());
      }
    }
    return out.toString();
  }

  /** One digit or decimal point position (NUM_numpart_to_char). */
  private void digit(Kind kind) {
    numberIn = false;
    boolean predecimalSpace = !zero && numberAt == 0 && number.charAt(0) == '0' && post != 0;
    if (!signWrote && (numCurrent >= outPreSpaces || zero && zeroStart == numCurrent)
        && (!predecimalSpace || lastRelevant >= 0 && number.charAt(lastRelevant) == '.')) {
      if (leadingSign) {
        if (signPre) {
          out.append(sign);
          signWrote = true;
        }
      } else if (sign == '+') {
        if (!fillMode) {
          out.append(' ');
        }
        signWrote = true;
      } else {
        out.append('-');
        signWrote = true;
      }
    }
    if (numCurrent < outPreSpaces && (zeroStart > numCurrent || !zero)) {
      if (!fillMode) {
        out.append(' ');
      }
    } else if (zero && numCurrent < outPreSpaces && zeroStart <= numCurrent) {
      out.append('0');
      numberIn = true;
    } else {
      char current = numberAt < number.length() ? number.charAt(numberAt) : '\0';
      if (current == '.') {
        if (lastRelevant < 0 || number.charAt(lastRelevant) != '.' || fillMode) {
          out.append('.');
        }
      } else if (lastRelevant >= 0 && numberAt > lastRelevant && kind != Kind.ZERO) {
        // a trailing zero fill mode drops
      } else if (predecimalSpace) {
        if (!fillMode) {
          out.append(' ');
        } else if (lastRelevant >= 0 && number.charAt(lastRelevant) == '.') {
          out.append('0');
        }
      } else if (current != '\0') {
        out.append(current);
        numberIn = true;
      }
      if (current != '\0') {
        numberAt++;
      }
    }
    int end = numCount + (outPreSpaces > 0 ? 1 : 0) + (decimal ? 1 : 0);
    if (lastRelevant >= 0 && lastRelevant == numberAt) {
      end = numCurrent;
    }
    if (numCurrent + 1 == end && leadingSign && !signPre) {
      out.append(sign);
    }
    numCurrent++;
  }

  /** The index in the number of its last decimal that is not a trailing zero (the point when all are), or -1 without a point. */
  private int lastRelevantDecimal() {
    int point = number.indexOf('.');
    if (point < 0) {
      return -1;
    }
    int result = point;
    for (int i = point + 1; i < number.length(); i++) {
      if (number.charAt(i) != '0') {
        result = i;
      }
    }
    return result;
  }
}
