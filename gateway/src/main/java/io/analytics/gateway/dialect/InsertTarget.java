package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * The table of {@code INSERT INTO table [AS alias] [(columns)] ...} as written, its column list ({@code *} for none)
 * and the index of the token after them (where VALUES or the query starts).
 */
record InsertTarget(String table, String columns, int next) {
  /** The target of an INSERT statement, or null for another statement or one this reading does not follow. */
  static InsertTarget of(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!statement.keyword().equals("INSERT") || tokens.size() < 3 || !tokens.get(1).is("INTO")) {
      return null;
    }
    int i = 2;
    while (isName(tokens.get(i)) && i + 2 < tokens.size() && tokens.get(i + 1).isPunctuation('.')) {
      i += 2;
    }
    if (!isName(tokens.get(i))) {
      return null;
    }
    String table = statement.sql().substring(tokens.get(2).start(), tokens.get(i).end());
    i++;
    if (i < tokens.size() && tokens.get(i).is("AS")) {
      i += 2;
    }
    String columns = "*";
    if (i < tokens.size() && tokens.get(i).isPunctuation('(')) {
      int close = statement.closingParenthesis(i);
      if (close < 0) {
        return null;
      }
      columns = statement.sql().substring(tokens.get(i + 1).start(), tokens.get(close - 1).end());
      i = close + 1;
    }
    return new InsertTarget(table, columns, i);
  }

  private static boolean isName(Token token) {
    return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
  }
}
