package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Number literals that PostgreSQL reads as numeric and DuckDB as a double: one with an exponent
 * ({@code 1.5e10} is the numeric 15000000000) becomes its exact DECIMAL, and one of more than
 * DuckDB's 38 digits ({@code 0.12345678901234567890123456789012345678901}, or an integer beyond
 * HUGEINT) is 22003 rather than silently rounded to 17 significant digits. A literal cast right
 * away ({@code 1e400::float8}, {@code CAST(1e-5 AS real)}) is the cast's to read, a named argument the function's; literals DuckDB
 * holds exactly (integers, decimals of up to 38 digits) stay as they are.
 */
public final class ExactNumberLiterals implements DialectStage {
  private static final int MAX_DIGITS = 38;

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(ExactNumberLiterals::mayNeedRewrite)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() != TokenType.NUMBER) {
        continue;
      }
      int last = exponentEnd(tokens, i);
      String text = statement.sql().substring(token.start(), tokens.get(last).end());
      if (mayNeedRewrite(text) && !castRightAway(tokens, i, last + 1)) {
        BigDecimal value = parse(text);
        if (value != null) {
          try {
            edits.replace(token.start(), tokens.get(last).end(), replacement(text, value));
          } catch (PlatformException e) {
            int position = statement.sql().codePointCount(0, token.start()) + 1;
            throw new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), position, e);
          }
        }
      }
      i = last;
    }
    return edits.result();
  }

  private static boolean mayNeedRewrite(Token token) {
    return token.type() == TokenType.NUMBER && mayNeedRewrite(token.text());
  }

  private static boolean mayNeedRewrite(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("e") || lower.chars().filter(Character::isDigit).count() > MAX_DIGITS;
  }

  /** The exact literal, or 22003 when it needs more digits than DuckDB's DECIMAL has. */
  private static String replacement(String text, BigDecimal value) {
    if (!text.toLowerCase(Locale.ROOT).contains("e")) {
      NumericLiterals.exactType(text); // throws 22003: more than 38 digits
      return text;
    }
    String plain = value.toPlainString();
    return "CAST('" + plain + "' AS " + NumericLiterals.exactType(plain) + ")";
  }

  /** The lexer splits {@code 1e-5} into {@code 1e}, {@code -}, {@code 5}: the index of the exponent's last token. */
  private static int exponentEnd(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (token.text().toLowerCase(Locale.ROOT).endsWith("e") && i + 2 < tokens.size()
        && (tokens.get(i + 1).isPunctuation('-') || tokens.get(i + 1).isPunctuation('+')) && tokens.get(i + 1).start() == token.end()
        && tokens.get(i + 2).type() == TokenType.NUMBER && tokens.get(i + 2).start() == tokens.get(i + 1).end()) {
      return i + 2;
    }
    return i;
  }

  private static boolean castRightAway(List<Token> tokens, int start, int next) {
    if (next >= tokens.size()) {
      return false;
    }
    // a sign is a token of its own: CAST(-2.25e300 AS double) casts the literal right away too
    int before = start >= 1 && (tokens.get(start - 1).isPunctuation('-') || tokens.get(start - 1).isPunctuation('+')) ? start - 1 : start;
    boolean inCast = before >= 2 && tokens.get(before - 1).isPunctuation('(') && tokens.get(before - 2).is("CAST");
    // a named argument (make_interval(secs := 7e12)) is the function's to read: DuckDB's takes a double there
    boolean namedArgument = start >= 1 && (tokens.get(start - 1).text().equals(":=") || tokens.get(start - 1).text().equals("=>"));
    return namedArgument || tokens.get(next).text().equals("::") || inCast && tokens.get(next).is("AS");
  }

  private static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
