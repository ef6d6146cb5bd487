package io.analytics.gateway.pgcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** The rewrites of PostgreSQL catalog syntax into what DuckDB parses, token by token. */
class PgCatalogRewriterTest {
  @Test
  void castsToOidTypesInCastSyntax() {
    assertThat(rewrite("SELECT CAST(CAST(format('%I.%I', s, t) AS REGCLASS) AS OID)"))
        .isEqualTo("SELECT CAST(pg_regclass(format('%I.%I', s, t) ) AS BIGINT)");
    assertThat(rewrite("SELECT CAST(x AS pg_catalog.regclass), CAST(y AS regtype), CAST(z AS integer)"))
        .isEqualTo("SELECT pg_regclass(x ), CAST(y AS BIGINT), CAST(z AS integer)");
  }

  @Test
  void typeNamesCastToRegtypeAreLookedUp() {
    assertThat(rewrite("SELECT 1 FROM pg_proc p WHERE p.prorettype::regtype != 'trigger'::regtype AND 'int4'::regtype > 0"))
        .isEqualTo("SELECT 1 FROM pg_proc p WHERE p.prorettype::BIGINT != CAST(2279 AS BIGINT) "
            + "AND (SELECT CAST(oid AS BIGINT) FROM pg_type WHERE typname = 'int4') > 0");
  }

  @Test
  void informationSchemaTablesAndColumnsQuotedOrNot() {
    assertThat(rewrite("SELECT * FROM \"information_schema\".\"columns\" c, information_schema.tables t, "
        + "information_schema.schemata s, information_schema.routines r"))
        .isEqualTo("SELECT * FROM pg_gateway_information_schema_columns c, pg_gateway_information_schema_tables t, "
            + "pg_gateway_information_schema_schemata s, information_schema.routines r");
  }

  @Test
  void quotedPgCatalogQualifiersAreDropped() {
    assertThat(rewrite("SELECT \"c\".\"relname\" FROM \"pg_catalog\".\"pg_class\" AS \"c\"")).isEqualTo("SELECT \"c\".\"relname\" FROM \"pg_class\" AS \"c\"");
  }

  @Test
  void stringsAreNeverTouched() {
    String sql = "SELECT 'pg_catalog.x', 'CAST(a AS regclass)', 'information_schema.columns'";
    assertThat(rewrite(sql)).isEqualTo(sql);
  }

  private static String rewrite(String sql) {
    return PgCatalogRewriter.rewrite(SqlStatement.parse(sql));
  }
}
