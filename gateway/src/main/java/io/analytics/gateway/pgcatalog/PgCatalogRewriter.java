package io.analytics.gateway.pgcatalog;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the PostgreSQL-only syntax that psql and drivers put in their catalog queries into
 * what DuckDB parses, using the lexer's tokens (strings and comments are never touched). Each
 * construct is one {@link CatalogRewriteRule} of {@link #RULES}, tried in order at every token:
 * {@code pg_catalog.x} loses its qualifier, so that the session's own catalog objects (see {@link
 * PgCatalogObjects}) are found before DuckDB's; {@code OPERATOR(pg_catalog.~)} becomes {@code ~};
 * {@code COLLATE pg_catalog.default} is dropped; casts to {@code regclass}, {@code regtype},
 * {@code regproc}, {@code regnamespace} and {@code oid} become casts to BIGINT (text given to
 * regclass is looked up by {@code pg_regclass}).
 */
public final class PgCatalogRewriter {
  /** PostgreSQL's OID alias types, which are BIGINT here. */
  static final Set<String> OID_TYPES = Set.of("regclass", "regtype", "regproc", "regprocedure", "regnamespace", "regrole", "oid");

  /** The rules in the order they are tried at each token; the first that matches rewrites it. */
  static final List<CatalogRewriteRule> RULES = List.of(
      PgCatalogRewriter::indexVectorColumns,
      new PartitionAncestorsCall(),
      new CastCallToOidType(),
      new InformationSchemaViewNames(),
      new OperatorSyntax(),
      new DefaultCollation(),
      new CatalogQualifier(),
      new DoubleColonCasts());

  private PgCatalogRewriter() {}

  /** Whether the statement needs rewriting at all (it names pg_catalog or information_schema, or uses OPERATOR/COLLATE/reg* casts). */
  public static boolean applies(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) {
        String word = token.value();
        if (word.equals("pg_catalog") || word.equals("operator") || word.equals("information_schema") || word.equals("format")
            || OID_TYPES.contains(word) || Int2VectorColumns.isVectorName(word)) {
          return true;
        }
      }
    }
    return false;
  }

  public static String rewrite(SqlStatement statement) {
    return rewrite(statement, RULES);
  }

  /** Rewrites with just these rules (tests try one rule alone). */
  static String rewrite(SqlStatement statement, List<CatalogRewriteRule> rules) {
    CatalogTokenRewrite rewrite = new CatalogTokenRewrite(statement);
    for (int i = 0; i < rewrite.size(); i++) {
      int last = rewrite.applyDeferred(i);
      for (int r = 0; r < rules.size() && last == CatalogRewriteRule.NO_MATCH; r++) {
        last = rules.get(r).apply(rewrite, i);
      }
      if (last != CatalogRewriteRule.NO_MATCH) {
        i = last;
      }
    }
    return rewrite.finish();
  }

  /**
   * indkey[n] becomes indkey[(n) + 1] and indkey::varchar array_to_string(indkey, ' '): the index
   * vectors are lists here (see {@link Int2VectorColumns}).
   */
  private static int indexVectorColumns(CatalogTokenRewrite rewrite, int at) {
    Int2VectorColumns.Rewrite vector = Int2VectorColumns.at(rewrite.tokens(), at);
    if (vector == null) {
      return CatalogRewriteRule.NO_MATCH;
    }
    rewrite.replaceTokens(at, vector.last(), vector.text());
    if (vector.closeAt() >= 0) {
      rewrite.deferReplacement(vector.closeAt(), vector.closeAt(), vector.closeText());
    }
    return vector.last();
  }
}
