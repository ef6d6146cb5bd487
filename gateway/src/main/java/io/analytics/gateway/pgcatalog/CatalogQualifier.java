package io.analytics.gateway.pgcatalog;

/**
 * {@code pg_catalog.x} loses its qualifier, so that the session's own catalog objects (see {@link
 * PgCatalogObjects}) are found before DuckDB's; so does {@code information_schema._pg_expandarray},
 * which is the session's macro.
 */
final class CatalogQualifier implements CatalogRewriteRule {
  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    boolean expandArray = CatalogTokenRewrite.isName(rewrite.token(at), "information_schema") && at + 2 < rewrite.size()
        && CatalogTokenRewrite.isName(rewrite.token(at + 2), "_pg_expandarray");
    boolean qualifier = CatalogTokenRewrite.isName(rewrite.token(at), "pg_catalog") || expandArray;
    if (!qualifier || at + 1 >= rewrite.size() || !rewrite.token(at + 1).isPunctuation('.')) {
      return NO_MATCH;
    }
    rewrite.replaceTokens(at, at + 1, "");
    return at + 1;
  }
}
