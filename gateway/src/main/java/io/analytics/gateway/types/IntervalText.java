package io.analytics.gateway.types;

/**
 * PostgreSQL's interval output in its default IntervalStyle "postgres": {@code 1 year 2 mons -3
 * days +04:05:06.5}. A field whose sign differs from the one before it gets an explicit sign; the
 * time part is printed when it is non-zero or when every field is zero.
 */
final class IntervalText {
  private IntervalText() {}

  static String format(int months, int days, long micros) {
    StringBuilder text = new StringBuilder(32);
    boolean[] state = {true, false}; // {isZero, isBefore}
    appendPart(text, months / 12, "year", state);
    appendPart(text, months % 12, "mon", state);
    appendPart(text, days, "day", state);
    if (state[0] || micros != 0) {
      boolean minus = micros < 0;
      long abs = Math.abs(micros);
      long totalSeconds = abs / DateTimeText.MICROS_PER_SECOND;
      if (!state[0]) {
        text.append(' ');
      }
      text.append(minus ? "-" : state[1] ? "+" : "");
      appendTwoDigits(text, totalSeconds / 3600);
      text.append(':');
      appendTwoDigits(text, (totalSeconds / 60) % 60);
      text.append(':');
      appendTwoDigits(text, totalSeconds % 60);
      long fraction = abs % DateTimeText.MICROS_PER_SECOND;
      if (fraction != 0) {
        String digits = String.format("%06d", fraction);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
          end--;
        }
        text.append('.').append(digits, 0, end);
      }
    }
    return text.toString();
  }

  private static void appendPart(StringBuilder text, long value, String unit, boolean[] state) {
    if (value == 0) {
      return;
    }
    if (!state[0]) {
      text.append(' ');
    }
    if (state[1] && value > 0) {
      text.append('+');
    }
    text.append(value).append(' ').append(unit);
    if (value != 1) {
      text.append('s');
    }
    state[1] = value < 0;
    state[0] = false;
  }

  private static void appendTwoDigits(StringBuilder text, long value) {
    if (value < 10) {
      text.append('0');
    }
    text.append(value);
  }
}
