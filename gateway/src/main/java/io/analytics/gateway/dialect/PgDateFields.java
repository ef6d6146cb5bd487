package io.analytics.gateway.dialect;

import io.analytics.gateway.dialect.PgDateInput.Field;
import io.analytics.gateway.dialect.PgDateInput.Field.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits date/time input into fields as PostgreSQL 15's ParseDateTime does (datetime.c), for {@link PgDateInput}. */
final class PgDateFields {
  /** Words of PostgreSQL's core token table that may be followed by a digit without starting a time zone name. */
  private static final Set<String> KEYWORDS_BEFORE_DIGITS = Set.of("j", "julian", "t", "epoch", "allballs");

  private PgDateFields() {}

  /** The fields, or null when a character can start none (PostgreSQL's bad format). */
  static List<Field> split(String input) {
    String text = input.toLowerCase(Locale.ROOT);
    List<Field> fields = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c) || c == ',') {
        i++;
        continue;
      }
      Kind kind;
      if (isDigit(c)) {
        i = digits(text, i);
        kind = Kind.NUMBER;
        if (i < text.length() && text.charAt(i) == ':') {
          kind = Kind.TIME;
          while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == ':' || text.charAt(i) == '.')) {
            i++;
          }
        } else if (i < text.length() && "-/.".indexOf(text.charAt(i)) >= 0) {
          char delimiter = text.charAt(i++);
          if (i < text.length() && isDigit(text.charAt(i))) {
            kind = delimiter == '.' ? Kind.NUMBER : Kind.DATE;
            i = digits(text, i);
            if (i < text.length() && text.charAt(i) == delimiter) {
              kind = Kind.DATE;
              while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == delimiter)) {
                i++;
              }
            }
          } else {
            kind = Kind.DATE;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == delimiter)) {
              i++;
            }
          }
        }
      } else if (c == '.') {
        i = digits(text, i + 1);
        kind = Kind.NUMBER;
      } else if (isLetter(c)) {
        while (i < text.length() && isLetter(text.charAt(i))) {
          i++;
        }
        kind = Kind.STRING;
        boolean date = i < text.length() && "-/.".indexOf(text.charAt(i)) >= 0;
        if (!date && i < text.length() && (text.charAt(i) == '+' || isDigit(text.charAt(i)))) {
          date = !KEYWORDS_BEFORE_DIGITS.contains(text.substring(start, i));
        }
        if (date) {
          kind = Kind.DATE;
          while (i < text.length() && ("+-/_.:".indexOf(text.charAt(i)) >= 0 || Character.isLetterOrDigit(text.charAt(i)))) {
            i++;
          }
        }
      } else if (c == '+' || c == '-') {
        i++;
        if (i < text.length() && isLetter(text.charAt(i))) {
          while (i < text.length() && isLetter(text.charAt(i))) {
            i++;
          }
          kind = Kind.STRING;
        } else {
          while (i < text.length() && (isDigit(text.charAt(i)) || ":.-".indexOf(text.charAt(i)) >= 0)) {
            i++;
          }
          kind = Kind.ZONE;
        }
      } else {
        return null;
      }
      fields.add(new Field(kind, text.substring(start, i)));
    }
    return fields;
  }

  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
