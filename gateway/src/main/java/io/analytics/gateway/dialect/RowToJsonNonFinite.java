package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * {@code row_to_json(r)} is DuckDB's own (a macro cannot take a row the way it does), which writes an infinite or NaN
 * float field as a bare {@code Infinity}: PostgreSQL writes {@code "Infinity"}. Each call's text is passed through
 * the session's {@code pg_json_quote_nonfinite} (see the json package), keeping the result's json type.
 */
public final class RowToJsonNonFinite implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() != TokenType.WORD || !token.is("row_to_json") || !tokens.get(i + 1).isPunctuation('(')
          || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0) {
        continue;
      }
      if (edits == null) {
        edits = new TokenEdits(statement);
      }
      edits.replace(token.start(), token.end(), "CAST(pg_json_quote_nonfinite(CAST(" + token.text());
      edits.replace(tokens.get(close).start(), tokens.get(close).end(), ") AS VARCHAR)) AS JSON)");
    }
    return edits == null ? statement : edits.result();
  }
}
