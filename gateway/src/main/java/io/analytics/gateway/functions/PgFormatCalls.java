package io.analytics.gateway.functions;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenSplice;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The statement stage for PostgreSQL's formatting functions with a literal format:
 * {@code to_char(x, 'fmt')} becomes DuckDB's {@code strftime(x, ...)}, {@code to_date(s, 'fmt')}
 * and {@code to_timestamp(s, 'fmt')} become {@code strptime} cast to date or timestamptz, with the
 * format translated by {@link PgDateTimeFormat} (which refuses what it cannot translate exactly).
 * to_char of a number with a numeric format is {@link PgNumberFormat}'s. Other calls are left alone.
 */
public final class PgFormatCalls {
  /** A numeric to_char format: digits positions 9 and 0 with separators, signs and FM. */
  private static final Pattern NUMERIC_FORMAT = Pattern.compile("(?i)[\\s90.,DGSLPRVMIFEB$+-]*[90][\\s90.,DGSLPRVMIFEB$+-]*");

  private PgFormatCalls() {}

  public static SqlStatement rewrite(SqlStatement statement) {
    if (!mentionsAny(statement)) {
      return statement;
    }
    String sql = statement.sql();
    List<Token> tokens = statement.tokens();
    TokenSplice splice = new TokenSplice(statement);
    for (int i = 0; i < tokens.size(); i++) {
      String function = functionAt(tokens, i);
      if (function == null) {
        continue;
      }
      List<Integer> commas = new ArrayList<>();
      int close = closingParenthesis(tokens, i + 1, commas);
      if (close < 0 || commas.size() != 1 || commas.get(0) + 2 != close || tokens.get(close - 1).type() != TokenType.STRING) {
        continue;
      }
      String format = tokens.get(close - 1).value();
      String argument = sql.substring(tokens.get(i + 2).start(), tokens.get(commas.get(0)).start());
      int start = i >= 2 && tokens.get(i - 1).isPunctuation('.') && tokens.get(i - 2).is("pg_catalog") ? i - 2 : i;
      splice.replace(start, close, translated(function, argument, format));
      i = close;
    }
    return splice.result();
  }

  private static String translated(String function, String argument, String format) {
    if (function.equals("to_char")) {
      if (NUMERIC_FORMAT.matcher(format).matches()) {
        // PgNumberFormat, a Java function (PgJavaFunctions): the value's text keeps every digit, its type says how to round.
        return PgJavaFunctions.TO_CHAR_NUMBER + "(CAST(" + argument + " AS VARCHAR), typeof(" + argument + "), " + literal(format) + ")";
      }
      return PgDateTimeFormat.toCharExpression(argument, format);
    }
    String parsed = "strptime(" + argument + ", " + literal(PgDateTimeFormat.toStrftime(format, true)) + ")";
    return function.equals("to_date") ? "CAST(" + parsed + " AS DATE)" : "CAST(" + parsed + " AS TIMESTAMPTZ)";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static boolean mentionsAny(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.is("to_char") || token.is("to_date") || token.is("to_timestamp")) {
        return true;
      }
    }
    return false;
  }

  /** The function's lower-case name when tokens at {@code i} start a call of one of ours (not x.to_char). */
  private static String functionAt(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (token.type() != TokenType.WORD || i + 2 >= tokens.size() || !tokens.get(i + 1).isPunctuation('(')) {
      return null;
    }
    if (i >= 1 && tokens.get(i - 1).isPunctuation('.') && !(i >= 2 && tokens.get(i - 2).is("pg_catalog"))) {
      return null;
    }
    String name = token.text().toLowerCase(Locale.ROOT);
    return name.equals("to_char") || name.equals("to_date") || name.equals("to_timestamp") ? name : null;
  }

  /** The index of the parenthesis closing the one at {@code open}, collecting the top-level commas; -1 if none. */
  private static int closingParenthesis(List<Token> tokens, int open, List<Integer> commas) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      Token token = tokens.get(j);
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
        if (depth == 0) {
          return j;
        }
      } else if (depth == 1 && token.isPunctuation(',')) {
        commas.add(j);
      }
    }
    return -1;
  }
}
