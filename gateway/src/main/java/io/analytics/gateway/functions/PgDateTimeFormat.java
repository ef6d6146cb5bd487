package io.analytics.gateway.functions;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.List;
import java.util.Locale;

/**
 * Translates a PostgreSQL date/time format pattern (to_char, to_date, to_timestamp) into DuckDB's
 * strftime/strptime format, for the patterns whose output is exactly PostgreSQL's. A pattern that
 * has no exact equivalent (blank-padded Month and Day, lower-case am, TZ, week numbers, ...) is
 * refused with 0A000 naming it, rather than answered differently.
 */
final class PgDateTimeFormat {
  /** PostgreSQL pattern -> strftime, longest first where one is a prefix of another; matched case-insensitively. */
  private static final List<String[]> NUMERIC = List.of(
      new String[] {"HH24", "%H"}, new String[] {"HH12", "%I"}, new String[] {"HH", "%I"}, new String[] {"MI", "%M"},
      new String[] {"MS", "%g"}, new String[] {"US", "%f"}, new String[] {"YYYY", "%Y"}, new String[] {"YY", "%y"},
      new String[] {"MM", "%m"}, new String[] {"DDD", "%j"}, new String[] {"DD", "%d"}, new String[] {"SS", "%S"});

  /** Patterns whose case selects the output's case: only these spellings are exact. */
  private static final List<String[]> NAMES = List.of(
      new String[] {"FMMonth", "%B"}, new String[] {"FMDay", "%A"}, new String[] {"Mon", "%b"}, new String[] {"Dy", "%a"},
      new String[] {"AM", "%p"}, new String[] {"PM", "%p"});

  private PgDateTimeFormat() {}

  /**
   * The strftime format for {@code pattern}; {@code parsing} for strptime (to_date, to_timestamp),
   * where FM changes nothing.
   */
  static String toStrftime(String pattern, boolean parsing) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      i = appendStrftime(pattern, i, parsing, out);
    }
    return out.toString();
  }

  /**
   * The expression {@code to_char(argument, pattern)} is: strftime for the parts it formats exactly, and
   * {@link ToCharFields} for the fields it has not (blank-padded Day and Month, ISO year and week, quarter,
   * Julian day, ...), joined with {@code ||} so that a NULL argument gives NULL.
   */
  static String toCharExpression(String argument, String pattern) {
    List<String> parts = new java.util.ArrayList<>();
    StringBuilder format = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      ToCharFields.Field field = pattern.charAt(i) == '"' ? null : ToCharFields.at(pattern, i, argument);
      if (field == null) {
        i = appendStrftime(pattern, i, false, format);
        continue;
      }
      if (format.length() > 0) {
        parts.add(strftime(argument, format));
        format.setLength(0);
      }
      parts.add(field.expression());
      i += field.length();
    }
    if (format.length() > 0 || parts.isEmpty()) {
      parts.add(strftime(argument, format));
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
  }

  private static String strftime(String argument, CharSequence format) {
    return "strftime(" + argument + ", '" + format.toString().replace("'", "''") + "')";
  }

  /** Appends the strftime form of the pattern element at {@code i}; returns the index after it. */
  private static int appendStrftime(String pattern, int i, boolean parsing, StringBuilder out) {
    char c = pattern.charAt(i);
    if (c == '"') {
      int end = pattern.indexOf('"', i + 1);
      if (end < 0) {
        throw unsupported(pattern, "an unterminated quoted text");
      }
      out.append(pattern.substring(i + 1, end).replace("%", "%%"));
      return end + 1;
    }
    // Month and Day without FM are blank-padded to 9 characters, which strftime cannot do.
    if (pattern.regionMatches(true, i, "MONTH", 0, 5) || pattern.regionMatches(true, i, "DAY", 0, 3)) {
      throw unsupported(pattern, "\"" + pattern.substring(i, i + (Character.toUpperCase(c) == 'M' ? 5 : 3)) + "\" (blank-padded)");
    }
    // SSSS and SSSSS are the seconds past midnight, which strftime has not (read as SS twice they wrote "0000").
    if (pattern.regionMatches(true, i, "SSSS", 0, 4)) {
      throw unsupported(pattern, "\"" + pattern.substring(i, i + 4) + "\" (seconds past midnight)");
    }
    String name = match(NAMES, pattern, i, false);
    if (name != null) {
      out.append(strftime(NAMES, name));
      return i + name.length();
    }
    boolean fillMode = pattern.regionMatches(true, i, "FM", 0, 2);
    String numeric = match(NUMERIC, pattern, fillMode ? i + 2 : i, true);
    if (numeric != null) {
      String code = strftime(NUMERIC, numeric);
      // FM drops the leading zeros of a number: strftime's %-d; parsing accepts either.
      out.append(fillMode && !parsing && !code.equals("%g") && !code.equals("%f") ? "%-" + code.substring(1) : code);
      return i + numeric.length() + (fillMode ? 2 : 0);
    }
    if (Character.isLetter(c) || c == '\\') {
      throw unsupported(pattern, "\"" + pattern.substring(i, Math.min(pattern.length(), i + 5)) + "\"");
    }
    out.append(c == '%' ? "%%" : String.valueOf(c));
    return i + 1;
  }

  private static String match(List<String[]> patterns, String text, int at, boolean ignoreCase) {
    for (String[] pattern : patterns) {
      if (text.regionMatches(ignoreCase, at, pattern[0], 0, pattern[0].length())) {
        return text.substring(at, at + pattern[0].length());
      }
    }
    return null;
  }

  private static String strftime(List<String[]> patterns, String matched) {
    for (String[] pattern : patterns) {
      if (pattern[0].equalsIgnoreCase(matched)) {
        return pattern[1];
      }
    }
    throw new IllegalStateException(matched);
  }

  private static PlatformException unsupported(String pattern, String what) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
        String.format(Locale.ROOT, "format pattern '%s': %s is not supported by the gateway", pattern, what),
        null, "supported: YYYY YY MM DD DDD HH24 HH12 HH MI SS MS US AM PM am pm Month Day Mon Dy (and their upper- and lower-case "
            + "forms) D ID IYYY IW WW W Q CC J SSSS, FM before a field, \"quoted text\" and punctuation", 0, null);
  }
}
