package io.analytics.gateway.pgcatalog;

/** {@code COLLATE pg_catalog.default} (or {@code "default"}) goes: it is the only collation there is here. */
final class DefaultCollation implements CatalogRewriteRule {
  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    if (!rewrite.token(at).is("COLLATE") || at + 3 >= rewrite.size() || !rewrite.token(at + 1).is("pg_catalog")
        || !rewrite.token(at + 2).isPunctuation('.')) {
      return NO_MATCH;
    }
    rewrite.replaceTokens(at, at + 3, "");
    return at + 3;
  }
}
