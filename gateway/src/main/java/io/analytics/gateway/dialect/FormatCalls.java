package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code format(fmt, ...)} with a literal format string, read here as PostgreSQL reads it
 * ({@code %%}, {@code %s}, {@code %I}, {@code %L}, argument positions {@code n$}, the {@code -} flag
 * and widths, also from an argument with {@code *}) and translated to a concatenation of the literal
 * text and each argument's text: DuckDB's format takes other placeholders. A format string PostgreSQL
 * refuses (an unknown conversion, too few arguments, argument 0) is refused with its SQLSTATE, 22023.
 * {@code %I} and {@code %L} call the session's quote_ident and quote_nullable macros.
 */
public final class FormatCalls implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("format"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (!tokens.get(i).is("format") || !tokens.get(i + 1).isPunctuation('(') || tokens.get(i + 2).type() != TokenType.STRING
          || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      List<String> arguments = close < 0 ? null : arguments(statement, i + 1, close);
      if (arguments == null || !arguments.get(0).equals(tokens.get(i + 2).text())) {
        continue;
      }
      try {
        String translated = new FormatString(tokens.get(i + 2).value(), arguments.subList(1, arguments.size())).translate();
        edits.replace(tokens.get(i).start(), tokens.get(close).end(), translated);
      } catch (PlatformException e) {
        throw new LiteralCast(tokens.get(i + 2), "text", false, 0, 0).positioned(e, statement);
      }
    }
    return edits.result();
  }

  /** The source text of each top-level argument between {@code open} and {@code close}; null for a VARIADIC call. */
  private static List<String> arguments(SqlStatement statement, int open, int close) {
    return CallArguments.hasTopLevelWord(statement, open, close, "VARIADIC") ? null : CallArguments.split(statement, open, close);
  }

  /** One format string and its arguments' SQL, read left to right as PostgreSQL's text_format does. */
  private static final class FormatString {
    private final String format;
    private final List<String> arguments;
    private final List<String> pieces = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int position;
    /** The argument the next conversion without a position takes (0-based). */
    private int next;

    FormatString(String format, List<String> arguments) {
      this.format = format;
      this.arguments = arguments;
    }

    String translate() {
      while (position < format.length()) {
        char c = format.charAt(position++);
        if (c != '%') {
          text.append(c);
        } else if (position < format.length() && format.charAt(position) == '%') {
          text.append('%');
          position++;
        } else {
          conversion();
        }
      }
      flushText();
      return pieces.isEmpty() ? "''" : "(" + String.join(" || ", pieces) + ")";
    }

    private void conversion() {
      int argument = argumentPosition();
      boolean left = false;
      while (position < format.length() && format.charAt(position) == '-') {
        left = true;
        position++;
      }
      String width = null;
      if (position < format.length() && format.charAt(position) == '*') {
        position++;
        int widthArgument = argumentPosition();
        width = "COALESCE(CAST(" + argument(widthArgument < 0 ? next++ : widthArgument) + " AS INTEGER), 0)";
        if (widthArgument >= 0) {
          next = widthArgument + 1;
        }
      } else {
        int digits = number();
        if (digits >= 0) {
          width = Integer.toString(digits);
        }
      }
      if (position >= format.length()) {
        throw invalid("unterminated format() type specifier");
      }
      char type = format.charAt(position++);
      if (type != 's' && type != 'I' && type != 'L') {
        throw invalid("unrecognized format() type specifier \"" + type + "\"");
      }
      int index = argument >= 0 ? argument : next;
      next = index + 1;
      flushText();
      pieces.add(padded(converted(type, argument(index)), width, left));
    }

    /** {@code n$} at the current position: the 0-based argument, or -1 when there is none. */
    private int argumentPosition() {
      int start = position;
      int n = number();
      if (n >= 0 && position < format.length() && format.charAt(position) == '$') {
        position++;
        if (n == 0) {
          throw invalid("format specifies argument 0, but arguments are numbered from 1");
        }
        return n - 1;
      }
      position = start;
      return -1;
    }

    private int number() {
      int start = position;
      while (position < format.length() && Character.isDigit(format.charAt(position))) {
        position++;
      }
      if (position == start) {
        return -1;
      }
      try {
        return Integer.parseInt(format.substring(start, position));
      } catch (NumberFormatException e) {
        throw invalid("number is out of range");
      }
    }

    private String argument(int index) {
      if (index >= arguments.size()) {
        throw invalid("too few arguments for format()");
      }
      return "(" + arguments.get(index) + ")";
    }

    private static String converted(char type, String value) {
      return switch (type) {
        case 'I' -> "CASE WHEN " + value + " IS NULL THEN error('null values cannot be formatted as an SQL identifier') "
            + "ELSE quote_ident(CAST(" + value + " AS VARCHAR)) END";
        case 'L' -> "quote_nullable(" + value + ")";
        default -> "COALESCE(CAST(" + value + " AS VARCHAR), '')";
      };
    }

    /** Blank-padded to the width, on the left unless the flag or a negative width says right; never cut. */
    private static String padded(String value, String width, boolean left) {
      if (width == null) {
        return value;
      }
      String fill = "repeat(' ', greatest(abs(" + width + ") - length(" + value + "), 0))";
      if (left) {
        return "(" + value + " || " + fill + ")";
      }
      return "CASE WHEN " + width + " < 0 THEN " + value + " || " + fill + " ELSE " + fill + " || " + value + " END";
    }

    private void flushText() {
      if (!text.isEmpty()) {
        pieces.add("'" + text.toString().replace("'", "''") + "'");
        text.setLength(0);
      }
    }

    private static PlatformException invalid(String message) {
      return new PlatformException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
  }
}
