package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * The values joined by {@code concat(...)} and {@code concat_ws(sep, ...)} are written as PostgreSQL writes them as
 * text: DuckDB writes a boolean as "true"/"false" where PostgreSQL writes "t"/"f". Each value argument goes through
 * the session macro {@code pg_concat_text} (in {@code PgStringFunctionMacros}), which changes booleans only.
 */
public final class ConcatArguments implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      boolean separated = tokens.get(i).is("concat_ws");
      if (!(separated || tokens.get(i).is("concat")) || !tokens.get(i + 1).isPunctuation('(')
          || i > 0 && (tokens.get(i - 1).isPunctuation('.') || tokens.get(i - 1).text().equals("::"))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0) {
        continue;
      }
      List<int[]> spans = CallArguments.spans(statement, i + 1, close);
      for (int k = separated ? 1 : 0; k < spans.size(); k++) {
        int[] span = spans.get(k);
        if (isVariadicKeyword(tokens, span)) {
          break; // concat(VARIADIC arr) passes one array: left as it is
        }
        edits = edits == null ? new TokenEdits(statement) : edits;
        edits.replace(span[0], span[0], io.analytics.gateway.functions.PgStringFunctionMacros.CONCAT_TEXT + "(");
        edits.replace(span[1], span[1], ")");
      }
    }
    return edits == null ? statement : edits.result();
  }

  private static boolean isVariadicKeyword(List<Token> tokens, int[] span) {
    return tokens.stream().anyMatch(token -> token.start() == span[0] && token.is("variadic"));
  }
}
