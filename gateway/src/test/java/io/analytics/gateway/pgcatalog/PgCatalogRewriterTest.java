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
  void indexVectorsCountFromZeroAndReadAsPostgresText() {
    // psqlODBC's SQLPrimaryKeys, SQLAlchemy's get_indexes, psqlODBC's SQLStatistics select list, pgjdbc's named column
    assertThat(rewrite("SELECT 1 FROM pg_catalog.pg_index i WHERE ta.attnum = i.indkey[ia.attnum-1]"))
        .isEqualTo("SELECT 1 FROM pg_index i WHERE ta.attnum = i.indkey[(ia.attnum-1) + 1]");
    assertThat(rewrite("SELECT ix.indkey::varchar, indoption::text FROM pg_index ix"))
        .isEqualTo("SELECT array_to_string(ix.indkey, ' '), array_to_string(indoption, ' ') FROM pg_index ix");
    assertThat(rewrite("SELECT c.relname, i.indkey, i.indoption, i.indclass FROM pg_index i"))
        .isEqualTo("SELECT c.relname, union_value(int2vector := array_to_string(i.indkey, ' ')) AS indkey, "
            + "union_value(int2vector := array_to_string(i.indoption, ' ')) AS indoption, "
            + "union_value(oidvector := array_to_string(i.indclass, ' ')) AS indclass FROM pg_index i");
    assertThat(rewrite("SELECT p.proname, p.proargtypes FROM pg_proc p WHERE p.proargtypes <> ''"))
        .isEqualTo("SELECT p.proname, union_value(oidvector := p.proargtypes) AS proargtypes FROM pg_proc p WHERE p.proargtypes <> ''");
    assertThat(rewrite("SELECT COALESCE(proallargtypes::regtype[], p.proargtypes::regtype[])::text[] FROM pg_catalog.pg_proc p"))
        .isEqualTo("SELECT COALESCE(list_transform(proallargtypes, lambda t: format_type(t, NULL)), "
            + "list_transform(list_transform(list_filter(string_split(p.proargtypes, ' '), lambda t: t <> ''), "
            + "lambda t: CAST(t AS BIGINT)), lambda t: format_type(t, NULL)))::text[] FROM pg_proc p");
    assertThat(rewrite("SELECT i.indoption AS i_indoption, a.attnum = ANY(ix.indkey) FROM pg_index i"))
        .isEqualTo("SELECT i.indoption AS i_indoption, a.attnum = ANY(ix.indkey) FROM pg_index i");
  }

  @Test
  void psqlDescribeSyntaxOfPartitionsNamesAndRelations() {
    assertThat(rewrite("SELECT a.relid FROM pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)"))
        .isEqualTo("SELECT a.relid FROM (SELECT CAST(t.tgrelid AS BIGINT) AS relid, CAST(1 AS BIGINT) AS depth) AS a(relid, depth)");
    assertThat(rewrite("SELECT 'db'::name AS cat, conrelid::pg_catalog.regclass AS ontable, c.oid::pg_catalog.regclass FROM pg_constraint c"))
        .isEqualTo("SELECT 'db'::VARCHAR AS cat, pg_gateway_regclass_text(conrelid) AS ontable, c.oid::BIGINT FROM pg_constraint c");
    assertThat(rewrite("SELECT * FROM information_schema.key_column_usage k JOIN information_schema.table_constraints t USING (constraint_name)"))
        .isEqualTo("SELECT * FROM pg_gateway_information_schema_key_column_usage k "
            + "JOIN pg_gateway_information_schema_table_constraints t USING (constraint_name)");
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
