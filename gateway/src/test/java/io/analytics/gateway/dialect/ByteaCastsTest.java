package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Casts of computed values to bytea read text as PostgreSQL's bytea input, through pg_bytea_input. */
class ByteaCastsTest {
  private static String translate(String sql) {
    return new ByteaCasts().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void computedValuesCastToByteaAreReadAsByteaInput() {
    assertThat(translate("select ('\\x' || s)::bytea from t")).isEqualTo("select pg_bytea_input(('\\x' || s)) from t");
    assertThat(translate("select CAST(upper(s) AS bytea)")).isEqualTo("select pg_bytea_input(upper(s))");
    assertThat(translate("select t.c::bytea from t")).isEqualTo("select pg_bytea_input(t.c) from t");
  }

  @Test
  void literalsParametersArraysAndColumnDefinitionsAreLeftAlone() {
    for (String sql : new String[] {"select '\\x01'::bytea", "select $1::bytea", "select CAST(NULL AS bytea)", "select a::bytea[] from t",
        "create table t (b bytea)", "select CAST('ab' AS bytea)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
