package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Casts to char(n) and varchar(n) become the session's macros, which keep the length DuckDB drops. */
class CharacterCastsTest {
  private static String translate(String sql) {
    return new CharacterCasts().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void castsWithALengthBecomeMacroCalls() {
    assertThat(translate("SELECT 'abc'::char(5), CAST(f1 AS character varying(10)) FROM t"))
        .isEqualTo("SELECT pg_gateway_bpchar('abc', 5), pg_gateway_varchar(f1, 10) FROM t");
    assertThat(translate("SELECT t.x::character, (a || b)::varchar(2)"))
        .isEqualTo("SELECT pg_gateway_bpchar(t.x, 1), pg_gateway_varchar((a || b), 2)");
  }

  @Test
  void chainedCastsNestOutermostFirst() {
    assertThat(translate("SELECT 'a'::char(3)::varchar(2)")).isEqualTo("SELECT pg_gateway_varchar(pg_gateway_bpchar('a', 3), 2)");
  }

  @Test
  void unboundedTypesArraysAndDdlAreLeftAlone() {
    for (String sql : new String[] {"SELECT x::varchar, y::bpchar, z::text, w::\"char\"[] FROM t", "SELECT '{a}'::char(2)[]",
        "CREATE VIEW v AS SELECT x::char(3) FROM t"}) {
      assertThat(translate(sql)).isEqualTo(sql);
    }
  }

  @Test
  void castsToTheOneByteCharBecomeItsMacro() {
    assertThat(translate("SELECT '\\101'::\"char\", CAST(x AS \"char\") FROM t"))
        .isEqualTo("SELECT pg_gateway_char('\\101'), pg_gateway_char(x) FROM t");
  }

  @Test
  void dmlIsTranslated() {
    assertThat(translate("INSERT INTO t SELECT $1::varchar(4)")).isEqualTo("INSERT INTO t SELECT pg_gateway_varchar($1, 4)");
  }
}
