package io.analytics.gateway.pgcatalog;

/**
 * One rule of {@link PgCatalogRewriter}: recognises a PostgreSQL-only construct of catalog queries
 * that starts at a token and writes what DuckDB parses in its place.
 */
interface CatalogRewriteRule {
  /** What {@link #apply} returns when no construct of the rule's starts at the token. */
  int NO_MATCH = -1;

  /**
   * Rewrites the construct starting at token {@code at}; returns the last token it consumed (the
   * rewrite goes on after it; {@code at} itself when the rule only wrote or deferred a replacement),
   * or {@link #NO_MATCH} to leave the token to the next rule.
   */
  int apply(CatalogTokenRewrite rewrite, int at);
}
