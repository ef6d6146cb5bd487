package io.analytics.gateway.functions;

import java.util.List;

/**
 * The to_char fields strftime cannot print as PostgreSQL does, each as a DuckDB expression of the
 * formatted value: day and month names blank-padded to 9 characters ({@code Day}, {@code MONTH}) or
 * in upper or lower case ({@code DY}, {@code mon}), the ISO year, week and day ({@code IYYY}, {@code IW},
 * {@code ID}), the week of the year and of the month counted from the 1st ({@code WW}, {@code W}), the day
 * of the week counted from Sunday = 1 ({@code D}), the quarter, century and Julian day ({@code Q},
 * {@code CC}, {@code J}), the seconds past midnight ({@code SSSS}) and lower-case or dotted meridian
 * indicators ({@code am}, {@code p.m.}). {@code FM} before a field drops its padding, as in PostgreSQL.
 */
final class ToCharFields {
  /** A field found in a pattern: the characters it took (FM included) and its expression. */
  record Field(int length, String expression) {}

  private enum Casing { UPPER, CAPITALIZED, LOWER }

  /** Name fields, longest first; their spelling chooses the output's case. */
  private static final List<String> NAMES = List.of("MONTH", "Month", "month", "DAY", "Day", "day", "MON", "mon", "DY", "dy");
  /** Fields of digits, longest first, matched in either case: the field and its padded width (0 for none). */
  private static final List<String> NUMBERS = List.of("SSSSS", "SSSS", "IYYY", "IW", "ID", "WW", "CC", "W", "Q", "J", "D");
  private static final List<String> MERIDIANS = List.of("a.m.", "p.m.", "A.M.", "P.M.", "am", "pm");

  private ToCharFields() {}

  /** The field at {@code at} of {@code pattern} if it is one of these, else null (strftime's or refused). */
  static Field at(String pattern, int at, String argument) {
    boolean fillMode = pattern.startsWith("FM", at) || pattern.startsWith("fm", at);
    int start = fillMode ? at + 2 : at;
    for (String name : NAMES) {
      if (pattern.startsWith(name, start)) {
        return new Field(start - at + name.length(), name(name, fillMode, argument));
      }
    }
    for (String number : NUMBERS) {
      if (pattern.regionMatches(true, start, number, 0, number.length()) && !continuesAnotherField(pattern, start, number)) {
        return new Field(start - at + number.length(), number(number, fillMode, argument));
      }
    }
    if (!fillMode) {
      for (String meridian : MERIDIANS) {
        if (pattern.startsWith(meridian, start)) {
          return new Field(meridian.length(), meridian(meridian, argument));
        }
      }
    }
    return null;
  }

  /** Whether a one- or two-letter field at {@code start} is really the start of a longer one (DD, DDD, IDDD, IYY). */
  private static boolean continuesAnotherField(String pattern, int start, String number) {
    int after = start + number.length();
    char next = after < pattern.length() ? Character.toUpperCase(pattern.charAt(after)) : ' ';
    return switch (number) {
      case "D" -> next == 'D' || next == 'A' || next == 'Y';
      case "ID" -> next == 'D';
      default -> false;
    };
  }

  private static String name(String spelled, boolean fillMode, String argument) {
    boolean month = spelled.toUpperCase(java.util.Locale.ROOT).startsWith("MON");
    boolean full = spelled.length() > 3 || spelled.equalsIgnoreCase("DAY");
    String text = "strftime(" + argument + ", '" + (month ? (full ? "%B" : "%b") : (full ? "%A" : "%a")) + "')";
    if (full && !fillMode) {
      text = "rpad(" + text + ", 9, ' ')";
    }
    return switch (casing(spelled)) {
      case UPPER -> "upper(" + text + ")";
      case LOWER -> "lower(" + text + ")";
      case CAPITALIZED -> text;
    };
  }

  private static Casing casing(String spelled) {
    if (spelled.equals(spelled.toUpperCase(java.util.Locale.ROOT))) {
      return Casing.UPPER;
    }
    return Character.isUpperCase(spelled.charAt(0)) ? Casing.CAPITALIZED : Casing.LOWER;
  }

  private static String number(String field, boolean fillMode, String argument) {
    String x = argument;
    String value;
    int width;
    switch (field.toUpperCase(java.util.Locale.ROOT)) {
      case "SSSSS", "SSSS" -> { value = "(hour(" + x + ") * 3600 + minute(" + x + ") * 60 + second(" + x + "))"; width = 0; }
      case "IYYY" -> { value = "isoyear(" + x + ")"; width = 4; }
      case "IW" -> { value = "week(" + x + ")"; width = 2; }
      case "ID" -> { value = "isodow(" + x + ")"; width = 0; }
      case "WW" -> { value = "((dayofyear(" + x + ") - 1) // 7 + 1)"; width = 2; }
      case "W" -> { value = "((day(" + x + ") - 1) // 7 + 1)"; width = 0; }
      case "CC" -> { value = "century(" + x + ")"; width = 2; }
      case "Q" -> { value = "quarter(" + x + ")"; width = 0; }
      case "J" -> { value = "CAST(julian(CAST(" + x + " AS DATE)) AS BIGINT)"; width = 0; }
      default -> { value = "(dayofweek(" + x + ") + 1)"; width = 0; }
    }
    String text = "CAST(" + value + " AS VARCHAR)";
    return width > 0 && !fillMode ? "lpad(" + text + ", " + width + ", '0')" : text;
  }

  private static String meridian(String spelled, String argument) {
    boolean dotted = spelled.length() == 4;
    boolean upper = Character.isUpperCase(spelled.charAt(0));
    String morning = upper ? (dotted ? "A.M." : "AM") : (dotted ? "a.m." : "am");
    String afternoon = upper ? (dotted ? "P.M." : "PM") : (dotted ? "p.m." : "pm");
    return "CASE WHEN hour(" + argument + ") < 12 THEN '" + morning + "' ELSE '" + afternoon + "' END";
  }
}
