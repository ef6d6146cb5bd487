package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * {@code string_agg(x, delimiter)} answers as PostgreSQL's: DuckDB's has no bytea form (it cast the values to text,
 * so {@code string_agg(v, '')} of bytes ff and aa was the text {@code \xFF\xAA}, not the bytea {@code \xffaa}), and
 * its NULL delimiter made the whole result NULL where PostgreSQL joins the values without one. A plain call (with
 * or without OVER) becomes {@link PgAggregateMacros#STRING_AGG}, whose BLOB overload DuckDB's binder picks by the
 * argument's type. A call with DISTINCT, ORDER BY or FILTER, which DuckDB allows only on real aggregates, stays.
 */
public final class StringAggregates implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!QueryStatements.isQuery(statement) || tokens.stream().noneMatch(token -> token.is("string_agg"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).is("string_agg") || !tokens.get(i + 1).isPunctuation('(') || i > 0 && tokens.get(i - 1).isPunctuation('.')) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close > 0 && isPlainCall(statement, i + 1, close)) {
        edits.replace(tokens.get(i).start(), tokens.get(i).end(), PgAggregateMacros.STRING_AGG);
      }
    }
    return edits.result();
  }

  /** Two arguments, no DISTINCT/ALL, no ORDER BY inside, no FILTER after. */
  private static boolean isPlainCall(SqlStatement statement, int open, int close) {
    Token first = statement.token(open + 1);
    if (first.is("DISTINCT") || first.is("ALL") || CallArguments.spans(statement, open, close).size() != 2) {
      return false;
    }
    if (CallArguments.hasTopLevelWord(statement, open, close, "ORDER")) {
      return false;
    }
    return close + 1 >= statement.size() || !statement.token(close + 1).is("FILTER");
  }
}
