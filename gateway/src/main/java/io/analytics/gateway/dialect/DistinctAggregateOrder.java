package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;
import java.util.Set;

/**
 * {@code array_agg(DISTINCT x)}, {@code string_agg(DISTINCT x, sep)}, {@code json_agg(DISTINCT x)}: PostgreSQL removes the
 * duplicates by sorting, so the result lists the values in ascending order (NULLs last), which reports and tests read
 * as the answer; DuckDB removes them by hashing and lists them in any order. Without an ORDER BY of its own, the call
 * gets {@code ORDER BY x}, the order PostgreSQL's answer has.
 */
public final class DistinctAggregateOrder implements DialectStage {
  private static final Set<String> AGGREGATES = Set.of("array_agg", "string_agg", "json_agg", "jsonb_agg");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 0; i + 3 < tokens.size(); i++) {
      if (!AGGREGATES.contains(tokens.get(i).value()) || !tokens.get(i + 1).isPunctuation('(') || !tokens.get(i + 2).is("distinct")
          || i > 0 && tokens.get(i - 1).isPunctuation('.')) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0 || hasTopLevelOrder(tokens, i + 2, close)) {
        continue;
      }
      List<int[]> arguments = CallArguments.spans(statement, i + 1, close);
      String value = statement.sql().substring(tokens.get(i + 2).end(), arguments.get(0)[1]).strip();
      if (value.isEmpty()) {
        continue;
      }
      edits = edits == null ? new TokenEdits(statement) : edits;
      edits.replace(tokens.get(close).start(), tokens.get(close).start(), " ORDER BY " + value);
    }
    return edits == null ? statement : edits.result();
  }

  private static boolean hasTopLevelOrder(List<Token> tokens, int from, int close) {
    int depth = 0;
    for (int k = from; k < close; k++) {
      Token token = tokens.get(k);
      if (token.isPunctuation('(')) {
        depth++;
      } else if (token.isPunctuation(')')) {
        depth--;
      } else if (depth == 0 && token.is("order")) {
        return true;
      }
    }
    return false;
  }
}
