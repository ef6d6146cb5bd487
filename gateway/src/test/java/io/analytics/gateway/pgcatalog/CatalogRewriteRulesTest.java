package io.analytics.gateway.pgcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the catalog rewriter alone: what it rewrites, and what it leaves to the others. */
class CatalogRewriteRulesTest {
  @Test
  void partitionAncestorsWithOrdinalityBecomeTheOneRowOfTheTableItself() {
    CatalogRewriteRule rule = new PartitionAncestorsCall();
    assertThat(rewrite(rule, "SELECT * FROM pg_partition_ancestors(c.oid) WITH ORDINALITY AS a(relid, depth)"))
        .isEqualTo("SELECT * FROM (SELECT CAST(c.oid AS BIGINT) AS relid, CAST(1 AS BIGINT) AS depth) AS a(relid, depth)");
    assertUnchanged(rule, "SELECT * FROM pg_partition_ancestors(c.oid)");
  }

  @Test
  void castCallsToOidTypesBecomeBigintOrARelationLookup() {
    CatalogRewriteRule rule = new CastCallToOidType();
    assertThat(rewrite(rule, "SELECT CAST('t' AS regclass), CAST(x AS pg_catalog.oid)"))
        .isEqualTo("SELECT pg_regclass('t' ), CAST(x AS BIGINT)");
    assertUnchanged(rule, "SELECT CAST(x AS integer), CAST(regclass AS text)");
  }

  @Test
  void replacedInformationSchemaViewsAreTheSessionsQuotedOrNot() {
    CatalogRewriteRule rule = new InformationSchemaViewNames();
    assertThat(rewrite(rule, "SELECT * FROM information_schema.tables, \"information_schema\".\"columns\""))
        .isEqualTo("SELECT * FROM pg_gateway_information_schema_tables, pg_gateway_information_schema_columns");
    assertUnchanged(rule, "SELECT * FROM information_schema.routines");
  }

  @Test
  void operatorSyntaxBecomesTheBareOperator() {
    CatalogRewriteRule rule = new OperatorSyntax();
    assertThat(rewrite(rule, "SELECT 1 WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$'"))
        .isEqualTo("SELECT 1 WHERE c.relname  ~  '^(t)$'");
    assertUnchanged(rule, "SELECT 1 WHERE a OPERATOR(public.+) b");
  }

  @Test
  void defaultCollationGoes() {
    CatalogRewriteRule rule = new DefaultCollation();
    assertThat(rewrite(rule, "SELECT n COLLATE pg_catalog.default FROM t"))
        .isEqualTo("SELECT n  FROM t");
    assertUnchanged(rule, "SELECT n COLLATE \"C\" FROM t");
  }

  @Test
  void catalogQualifierGoesAndExpandArrayIsTheSessionsMacro() {
    CatalogRewriteRule rule = new CatalogQualifier();
    assertThat(rewrite(rule, "SELECT pg_catalog.format_type(t, NULL), information_schema._pg_expandarray(k) FROM \"pg_catalog\".pg_class"))
        .isEqualTo("SELECT format_type(t, NULL), _pg_expandarray(k) FROM pg_class");
    assertUnchanged(rule, "SELECT 'pg_catalog.x', information_schema.routines");
  }

  @Test
  void doubleColonCastsToOidTypesAndName() {
    CatalogRewriteRule rule = new DoubleColonCasts();
    assertThat(rewrite(rule, "SELECT 'db'::name, 't'::regclass, c.oid::pg_catalog.regclass, 'array_in'::regproc, "
        + "'void'::regtype, x::oid FROM pg_class c"))
        .isEqualTo("SELECT 'db'::VARCHAR, pg_regclass('t'), c.oid::BIGINT, 'array_in', CAST(2278 AS BIGINT), x::BIGINT FROM pg_class c");
    assertThat(rewrite(rule, "SELECT r.conrelid::regclass AS ontable FROM pg_constraint r"))
        .isEqualTo("SELECT pg_gateway_regclass_text(r.conrelid) AS ontable FROM pg_constraint r");
    assertUnchanged(rule, "SELECT x::integer, y::text");
  }

  @Test
  void rulesAreTriedInOrderAndTheFirstMatchWins() {
    // The CAST rule takes "AS pg_catalog.regclass" away before the qualifier rule could see it.
    assertThat(PgCatalogRewriter.rewrite(SqlStatement.parse("SELECT CAST(x AS pg_catalog.regclass) FROM pg_catalog.pg_class")))
        .isEqualTo("SELECT pg_regclass(x ) FROM pg_class");
    assertThat(PgCatalogRewriter.RULES).hasSize(8);
  }

  private static String rewrite(CatalogRewriteRule rule, String sql) {
    return PgCatalogRewriter.rewrite(SqlStatement.parse(sql), List.of(rule));
  }

  private static void assertUnchanged(CatalogRewriteRule rule, String sql) {
    assertThat(rewrite(rule, sql)).isEqualTo(sql);
  }
}
