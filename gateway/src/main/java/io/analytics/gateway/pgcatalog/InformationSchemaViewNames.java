package io.analytics.gateway.pgcatalog;

import java.util.Set;

/**
 * {@code information_schema.tables} (and the other views the session replaces, see {@link
 * PgCatalogObjects}) becomes the session's own view of it, quoted or not.
 */
final class InformationSchemaViewNames implements CatalogRewriteRule {
  /**
   * The views the session replaces: DuckDB's list the session's own TEMP catalog objects, call the
   * lake's datasets views, and give DuckDB's type names.
   */
  static final Set<String> REPLACED = Set.of("tables", "columns", "schemata", "views",
      "table_constraints", "key_column_usage", "referential_constraints", "constraint_column_usage");

  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    if (!CatalogTokenRewrite.isName(rewrite.token(at), "information_schema") || at + 2 >= rewrite.size()
        || !rewrite.token(at + 1).isPunctuation('.') || !CatalogTokenRewrite.isIdentifier(rewrite.token(at + 2))
        || !REPLACED.contains(rewrite.token(at + 2).value())) {
      return NO_MATCH;
    }
    rewrite.replaceTokens(at, at + 2, "pg_gateway_information_schema_" + rewrite.token(at + 2).value());
    return at + 2;
  }
}
