package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An interval literal that names one field twice ({@code '1 day 1 day'}, {@code '1 second 2 seconds'},
 * {@code '1:20:05 5 microseconds'}) is refused with PostgreSQL's 22007 {@code invalid input syntax for type interval}:
 * DuckDB added the two, a silently different value. The fields are PostgreSQL's (DecodeInterval): a time
 * {@code hh:mm[:ss]} sets hours, minutes and all the second fields, a fractional second all the second fields, each
 * other unit its own. Only literals read as a plain list of {@code number unit} pairs, times and a final {@code ago}
 * are judged; every other spelling is left to DuckDB.
 */
public final class IntervalLiteralFields implements DialectStage {
  private static final int MICROSECOND = 1;
  private static final int MILLISECOND = 1 << 1;
  private static final int SECOND = 1 << 2;
  private static final int ALL_SECONDS = MICROSECOND | MILLISECOND | SECOND;
  private static final int MINUTE = 1 << 3;
  private static final int HOUR = 1 << 4;
  private static final int TIME = HOUR | MINUTE | ALL_SECONDS;
  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("microsecond", MICROSECOND), Map.entry("microseconds", MICROSECOND), Map.entry("usec", MICROSECOND),
      Map.entry("usecs", MICROSECOND), Map.entry("us", MICROSECOND),
      Map.entry("millisecond", MILLISECOND), Map.entry("milliseconds", MILLISECOND), Map.entry("msec", MILLISECOND),
      Map.entry("msecs", MILLISECOND), Map.entry("ms", MILLISECOND),
      Map.entry("second", SECOND), Map.entry("seconds", SECOND), Map.entry("sec", SECOND), Map.entry("secs", SECOND), Map.entry("s", SECOND),
      Map.entry("minute", MINUTE), Map.entry("minutes", MINUTE), Map.entry("min", MINUTE), Map.entry("mins", MINUTE), Map.entry("m", MINUTE),
      Map.entry("hour", HOUR), Map.entry("hours", HOUR), Map.entry("hr", HOUR), Map.entry("hrs", HOUR), Map.entry("h", HOUR),
      Map.entry("day", 1 << 5), Map.entry("days", 1 << 5), Map.entry("d", 1 << 5),
      Map.entry("week", 1 << 6), Map.entry("weeks", 1 << 6), Map.entry("w", 1 << 6),
      Map.entry("month", 1 << 7), Map.entry("months", 1 << 7), Map.entry("mon", 1 << 7), Map.entry("mons", 1 << 7),
      Map.entry("year", 1 << 8), Map.entry("years", 1 << 8), Map.entry("yr", 1 << 8), Map.entry("yrs", 1 << 8), Map.entry("y", 1 << 8),
      Map.entry("decade", 1 << 9), Map.entry("decades", 1 << 9),
      Map.entry("century", 1 << 10), Map.entry("centuries", 1 << 10),
      Map.entry("millennium", 1 << 11), Map.entry("millennia", 1 << 11), Map.entry("millenniums", 1 << 11));

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).type() == TokenType.STRING && isIntervalLiteral(tokens, i) && repeatsAField(tokens.get(i).value())) {
        throw new PlatformException(SqlState.INVALID_DATETIME_FORMAT,
            "invalid input syntax for type interval: \"" + tokens.get(i).value() + "\"");
      }
    }
    return statement;
  }

  /** {@code interval '...'}, {@code '...'::interval} or {@code CAST('...' AS interval)}. */
  private static boolean isIntervalLiteral(List<Token> tokens, int i) {
    if (i > 0 && tokens.get(i - 1).is("interval")) {
      return true;
    }
    boolean castFollows = i + 2 < tokens.size() && (tokens.get(i + 1).text().equals("::") || tokens.get(i + 1).is("AS"));
    return castFollows && tokens.get(i + 2).is("interval")
        && (tokens.get(i + 1).text().equals("::") || i >= 2 && tokens.get(i - 1).isPunctuation('(') && tokens.get(i - 2).is("CAST"));
  }

  /** Whether the text, read as PostgreSQL's interval input, sets a field twice; false for any text it does not read plainly. */
  static boolean repeatsAField(String text) {
    String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    int start = words.length > 0 && words[0].equals("@") ? 1 : 0;
    int end = words.length > start && words[words.length - 1].equals("ago") ? words.length - 1 : words.length;
    int seen = 0;
    for (int i = start; i < end; i++) {
      int fields;
      if (isTime(words[i])) {
        fields = TIME;
      } else if (isNumber(words[i]) && i + 1 < end && UNITS.containsKey(words[i + 1])) {
        fields = UNITS.get(words[i + 1]);
        if (fields == SECOND && hasFraction(words[i])) {
          fields = ALL_SECONDS;
        }
        i++;
      } else {
        return false;
      }
      if ((seen & fields) != 0) {
        return true;
      }
      seen |= fields;
    }
    return false;
  }

  /** A number whose fraction is not zero (PostgreSQL's {@code fval != 0}). */
  private static boolean hasFraction(String number) {
    int dot = number.indexOf('.');
    return dot >= 0 && number.substring(dot + 1).chars().anyMatch(c -> c != '0');
  }

  /** {@code [+-]h:mm[:ss[.f]]}. */
  private static boolean isTime(String word) {
    String unsigned = word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word;
    String[] parts = unsigned.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!(i == parts.length - 1 ? isUnsignedNumber(parts[i]) : isDigits(parts[i]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(String word) {
    return isUnsignedNumber(word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word);
  }

  private static boolean isUnsignedNumber(String word) {
    int dot = word.indexOf('.');
    if (dot < 0) {
      return isDigits(word);
    }
    String whole = word.substring(0, dot);
    String fraction = word.substring(dot + 1);
    return (whole.isEmpty() || isDigits(whole)) && (fraction.isEmpty() || isDigits(fraction)) && !(whole.isEmpty() && fraction.isEmpty());
  }

  private static boolean isDigits(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
