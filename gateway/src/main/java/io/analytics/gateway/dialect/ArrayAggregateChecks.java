package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * {@code array_agg} of arrays raises PostgreSQL's errors: DuckDB collected a NULL array, an empty one, or arrays of
 * different lengths into a list of lists, where PostgreSQL refuses with 22004 "cannot accumulate null arrays", 2202E
 * "cannot accumulate empty arrays" and 2202E "cannot accumulate arrays of different dimensionality". The aggregated
 * value goes through {@link PgArrayMacros#ELEMENT} (which checks only values of a list type) and the call's result
 * through {@link PgArrayMacros#CHECKED}; a window call keeps the value check only (a function around a window call
 * would not be one), and so does a call with DISTINCT, whose ORDER BY must name its value as written. Statements that
 * store SQL (views, macros) stay as they are: they must not depend on the session's temporary macros.
 */
public final class ArrayAggregateChecks implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!QueryStatements.isQuery(statement) || tokens.stream().noneMatch(token -> token.is("array_agg"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (!tokens.get(i).is("array_agg") || !tokens.get(i + 1).isPunctuation('(') || i > 0 && tokens.get(i - 1).isPunctuation('.')
          || tokens.get(i + 2).is("DISTINCT") || tokens.get(i + 2).is("ALL")) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      int valueEnd = close < 0 ? -1 : valueEnd(tokens, i + 2, close);
      if (valueEnd <= i + 2) {
        continue;
      }
      edits.replace(tokens.get(i + 2).start(), tokens.get(i + 2).start(), PgArrayMacros.ELEMENT + "(");
      edits.replace(tokens.get(valueEnd - 1).end(), tokens.get(valueEnd - 1).end(), ")");
      boolean window = close + 1 < tokens.size() && tokens.get(close + 1).is("OVER");
      if (!window) {
        int end = close;
        if (close + 2 < tokens.size() && tokens.get(close + 1).is("FILTER") && tokens.get(close + 2).isPunctuation('(')) {
          end = statement.closingParenthesis(close + 2);
        }
        if (end > 0) {
          edits.replace(tokens.get(i).start(), tokens.get(i).start(), PgArrayMacros.CHECKED + "(");
          edits.replace(tokens.get(end).end(), tokens.get(end).end(), ")");
        }
      }
    }
    return edits.result();
  }

  /** The token after the aggregated value: the call's top-level ORDER, or its closing parenthesis (-1 for two arguments). */
  private static int valueEnd(List<Token> tokens, int from, int close) {
    int depth = 0;
    for (int k = from; k < close; k++) {
      Token token = tokens.get(k);
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      } else if (depth == 0 && token.is("ORDER")) {
        return k;
      } else if (depth == 0 && token.isPunctuation(',')) {
        return -1;
      }
    }
    return close;
  }
}
