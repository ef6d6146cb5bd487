package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * {@code f(..., VARIADIC ARRAY[a, b, c])}, PostgreSQL's call of a variadic function with its
 * variadic arguments in an array, which DuckDB's grammar lacks: the array constructor's elements
 * become the call's last arguments ({@code f(..., a, b, c)}), which PostgreSQL defines it to mean.
 * Other forms (an array literal or a NULL, an array cast to another type, an empty array, an array
 * of boolean literals) are left to DuckDB's parser, which refuses them.
 */
public final class VariadicArrays implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("variadic"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 1; i + 3 < tokens.size(); i++) {
      if (!tokens.get(i).is("variadic") || !tokens.get(i + 1).is("array") || !tokens.get(i + 2).isPunctuation('[')
          || !(tokens.get(i - 1).isPunctuation(',') || tokens.get(i - 1).isPunctuation('('))) {
        continue;
      }
      int close = statement.closingBracket(i + 2);
      if (close < 0 || close + 1 >= tokens.size() || !tokens.get(close + 1).isPunctuation(')') || close == i + 3) {
        continue;
      }
      if (tokens.subList(i + 3, close).stream().anyMatch(token -> token.is("true") || token.is("false"))) {
        // The gateway's format() and concat() write a boolean argument as DuckDB does ('true'), PostgreSQL as 't': not
        // to be reached through a translation until they do.
        continue;
      }
      String elements = statement.sql().substring(tokens.get(i + 2).end(), tokens.get(close).start()).strip();
      edits.replace(tokens.get(i).start(), tokens.get(close).end(), elements);
    }
    return edits.result();
  }
}
