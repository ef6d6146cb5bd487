package io.analytics.gateway.pgcatalog;

import io.analytics.gateway.sql.TokenType;

/**
 * {@code CAST(x AS regclass)} becomes {@code pg_regclass(x)}, which looks a relation up by its
 * name; {@code CAST(x AS oid)} and the other reg* types become {@code CAST(x AS BIGINT)}, the
 * type OIDs have here. A {@code pg_catalog.} qualifier on the type is allowed.
 */
final class CastCallToOidType implements CatalogRewriteRule {
  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    if (!rewrite.token(at).is("CAST") || at + 1 >= rewrite.size() || !rewrite.token(at + 1).isPunctuation('(')) {
      return NO_MATCH;
    }
    int close = rewrite.statement().closingParenthesis(at + 1);
    int typeAt = close - 1;
    boolean qualified = typeAt >= 2 && rewrite.token(typeAt - 1).isPunctuation('.')
        && CatalogTokenRewrite.isName(rewrite.token(typeAt - 2), "pg_catalog");
    int asAt = qualified ? typeAt - 3 : typeAt - 1;
    if (close <= 0 || asAt <= at + 1 || !rewrite.token(asAt).is("AS") || rewrite.token(typeAt).type() != TokenType.WORD
        || !PgCatalogRewriter.OID_TYPES.contains(rewrite.token(typeAt).value())) {
      return NO_MATCH;
    }
    if (rewrite.token(typeAt).value().equals("regclass")) {
      // CAST(x AS regclass) -> pg_regclass(x ): the keyword becomes the function, "AS type" goes.
      rewrite.deferReplacement(asAt, typeAt, "");
      rewrite.replaceTokens(at, at, "pg_regclass");
    } else {
      rewrite.deferReplacement(asAt + 1, typeAt, "BIGINT");
    }
    return at;
  }
}
