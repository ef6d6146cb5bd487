package io.analytics.gateway.audit;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three digits, none
 * when zero), made without a formatter on every audit line: the part up to the seconds is kept for
 * the second it names, and only the fraction is written each time.
 */
final class InstantText {
  /** A second and its text up to (not including) the fraction and the 'Z'. */
  private record Second(long epochSecond, String text) {}

  private volatile Second last = new Second(Long.MIN_VALUE, "");

  String of(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      String whole = Instant.ofEpochSecond(epochSecond).toString();
      second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
      last = second;
    }
    int nanos = instant.getNano();
    StringBuilder text = new StringBuilder(second.text().length() + 11).append(second.text());
    if (nanos != 0) {
      text.append('.');
      if (nanos % 1_000_000 == 0) {
        digits(text, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(text, nanos / 1_000, 6);
      } else {
        digits(text, nanos, 9);
      }
    }
    return text.append('Z').toString();
  }

  private static void digits(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int pad = digits.length(); pad < width; pad++) {
      text.append('0');
    }
    text.append(digits);
  }
}
