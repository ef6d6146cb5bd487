package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * {@code round(x::numeric, 2)}, PostgreSQL's usual way to show a float or an average with fixed
 * decimals: DuckDB reads the unconstrained numeric as DECIMAL(18,3), so the value is rounded to 3
 * decimals first, giving 0.13 for 0.1249 (PostgreSQL: 0.12), and {@code round(..., 4)} can never
 * show a fourth decimal. When the cast is the first argument of {@code round} or {@code trunc}, it
 * becomes DECIMAL(38,10): the result's scale is the one asked for, and the cast keeps 10 decimals.
 */
public final class RoundedNumericCasts implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("round") || token.is("trunc"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!(tokens.get(i).is("round") || tokens.get(i).is("trunc")) || !tokens.get(i + 1).isPunctuation('(')) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      int end = close < 0 ? -1 : firstArgumentEnd(tokens, i + 1, close);
      if (end < 0) {
        continue;
      }
      Token last = tokens.get(end - 1);
      if ((last.is("numeric") || last.is("decimal")) && end >= 2 && tokens.get(end - 2).text().equals("::")) {
        edits.replace(last.start(), last.end(), "DECIMAL(38,10)");
      } else if (last.isPunctuation(')') && end >= 3 && isNumericName(tokens.get(end - 2)) && tokens.get(end - 3).is("AS")) {
        edits.replace(tokens.get(end - 2).start(), tokens.get(end - 2).end(), "DECIMAL(38,10)");
      }
    }
    return edits.result();
  }

  private static boolean isNumericName(Token token) {
    return token.is("numeric") || token.is("decimal");
  }

  /** The index of the token ending the first argument (the top-level comma or the closing parenthesis). */
  private static int firstArgumentEnd(List<Token> tokens, int open, int close) {
    int depth = 0;
    for (int i = open + 1; i < close; i++) {
      if (tokens.get(i).isPunctuation('(') || tokens.get(i).isPunctuation('[')) {
        depth++;
      } else if (tokens.get(i).isPunctuation(')') || tokens.get(i).isPunctuation(']')) {
        depth--;
      } else if (depth == 0 && tokens.get(i).isPunctuation(',')) {
        return i;
      }
    }
    return close;
  }
}
