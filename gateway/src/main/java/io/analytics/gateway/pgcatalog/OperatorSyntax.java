package io.analytics.gateway.pgcatalog;

/** {@code OPERATOR(pg_catalog.~)}, psql's way of naming an operator safely, becomes the bare {@code ~}. */
final class OperatorSyntax implements CatalogRewriteRule {
  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    if (!rewrite.token(at).is("OPERATOR") || at + 4 >= rewrite.size() || !rewrite.token(at + 1).isPunctuation('(')
        || !rewrite.token(at + 2).is("pg_catalog") || !rewrite.token(at + 3).text().startsWith(".")) {
      return NO_MATCH;
    }
    int close = at + 3;
    while (close < rewrite.size() && !rewrite.token(close).isPunctuation(')')) {
      close++;
    }
    if (close == rewrite.size()) {
      return NO_MATCH;
    }
    // The lexer may read the dot and the operator as one token (".~") or several.
    StringBuilder operator = new StringBuilder(rewrite.token(at + 3).text().substring(1));
    for (int j = at + 4; j < close; j++) {
      operator.append(rewrite.token(j).text());
    }
    rewrite.replaceTokens(at, close, " " + operator + " ");
    return close;
  }
}
