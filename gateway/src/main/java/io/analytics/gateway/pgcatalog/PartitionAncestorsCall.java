package io.analytics.gateway.pgcatalog;

import io.analytics.gateway.sql.Token;

/**
 * {@code pg_partition_ancestors(x) WITH ORDINALITY} (psql's {@code \d} of a table with triggers)
 * becomes the one row {@code (x, 1)}: no table here has partitions in PostgreSQL's sense.
 */
final class PartitionAncestorsCall implements CatalogRewriteRule {
  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    Token token = rewrite.token(at);
    if (!token.is("pg_partition_ancestors") || at + 1 >= rewrite.size() || !rewrite.token(at + 1).isPunctuation('(')) {
      return NO_MATCH;
    }
    int close = rewrite.statement().closingParenthesis(at + 1);
    if (close <= 0 || close + 2 >= rewrite.size() || !rewrite.token(close + 1).is("WITH")
        || !rewrite.token(close + 2).is("ORDINALITY")) {
      return NO_MATCH;
    }
    String argument = rewrite.sql().substring(rewrite.token(at + 2).start(), rewrite.token(close).start());
    rewrite.replaceTokens(at, close + 2, "(SELECT CAST(" + argument + " AS BIGINT) AS relid, CAST(1 AS BIGINT) AS depth)");
    return close + 2;
  }
}
