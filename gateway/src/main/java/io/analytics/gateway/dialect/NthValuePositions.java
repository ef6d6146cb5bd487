package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * {@code nth_value(x, n)} with a literal n below 1: PostgreSQL refuses it (22016), DuckDB answers NULL for every
 * row, a silently wrong value. The statement is refused as PostgreSQL refuses it.
 */
public final class NthValuePositions implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).is("nth_value") || !tokens.get(i + 1).isPunctuation('(')) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      List<int[]> arguments = close < 0 ? List.of() : CallArguments.spans(statement, i + 1, close);
      if (arguments.size() == 2 && isBelowOne(statement.sql().substring(arguments.get(1)[0], arguments.get(1)[1]))) {
        throw new PlatformException(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE, "argument of nth_value must be greater than zero");
      }
    }
    return statement;
  }

  /** A literal integer below 1 (0, -1, a parenthesized -2), read from the tokens of the argument. */
  private static boolean isBelowOne(String argument) {
    List<Token> tokens = SqlStatement.parse(argument).tokens().stream().filter(token -> !token.isPunctuation('(') && !token.isPunctuation(')')).toList();
    if (tokens.isEmpty() || tokens.get(tokens.size() - 1).type() != TokenType.NUMBER || tokens.size() > 2) {
      return false;
    }
    boolean negative = tokens.size() == 2 && tokens.get(0).text().equals("-");
    if (tokens.size() == 2 && !negative) {
      return false;
    }
    String digits = tokens.get(tokens.size() - 1).text();
    return digits.chars().allMatch(Character::isDigit) && (negative || digits.chars().allMatch(c -> c == '0'));
  }
}
