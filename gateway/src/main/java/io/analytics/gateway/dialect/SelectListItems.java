package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where a select list's items are, read from the tokens (for stages that rewrite a whole item and keep its name). */
final class SelectListItems {
  /** The clause keywords that tell which clause a comma-separated list belongs to. */
  private static final Set<String> CLAUSES = Set.of(
      "select", "from", "where", "by", "having", "on", "using", "limit", "offset", "returning", "values", "set", "window", "over");

  private SelectListItems() {}

  /** Whether the single token at {@code i} is a whole item of a select list ({@code SELECT e, ... FROM}). */
  static boolean isWholeItem(List<Token> tokens, int i) {
    boolean endsItem = i + 1 >= tokens.size() || tokens.get(i + 1).isPunctuation(',') || tokens.get(i + 1).is("from")
        || tokens.get(i + 1).isPunctuation(')') || tokens.get(i + 1).type() == TokenType.SEMICOLON;
    if (!endsItem || i == 0 || !(tokens.get(i - 1).isPunctuation(',') || tokens.get(i - 1).is("select") || tokens.get(i - 1).is("distinct"))) {
      return false;
    }
    int depth = 0;
    for (int k = i - 1; k >= 0; k--) {
      Token token = tokens.get(k);
      if (token.isPunctuation(')')) {
        depth++;
      } else if (token.isPunctuation('(')) {
        if (depth-- == 0) {
          return false;
        }
      } else if (depth == 0 && token.type() == TokenType.WORD && CLAUSES.contains(token.text().toLowerCase(Locale.ROOT))) {
        return token.is("select");
      }
    }
    return false;
  }
}
