package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** A one-argument call named after a type is that cast, where an expression starts; a type with its modifier is not a call. */
class FunctionStyleCastsTest {
  private static String translate(String sql) {
    return new FunctionStyleCasts().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void aCallNamedAfterATypeIsACast() {
    assertThat(translate("select float8(x), INT4(2.6) from t")).isEqualTo("select CAST(x AS float8), CAST(2.6 AS int4) from t");
    assertThat(translate("select * from t where ts > timestamptz('2020-01-01') and text(f(a, b)) = 'x'"))
        .isEqualTo("select * from t where ts > CAST('2020-01-01' AS timestamptz) and CAST(f(a, b) AS text) = 'x'");
    assertThat(translate("select case when a then int8(b) else bool('t')::int end"))
        .isEqualTo("select case when a then CAST(b AS int8) else CAST('t' AS bool)::int end");
    assertThat(translate("select int4(int4(x))")).isEqualTo("select CAST(CAST(x AS int4) AS int4)");
  }

  @Test
  void typesWithModifiersQualifiedNamesOtherArgumentCountsAndDuckDbsOwnFunctionsAreLeftAlone() {
    for (String sql : new String[] {"create table t (ts timestamptz(3), a int4)", "select x::timestamptz(3)", "select cast(x as timestamptz(3))",
        "alter table t alter column ts type timestamptz(3)", "select s.text(x)", "select int4(a, b)", "select int4()", "select date(x), json(y)",
        "select \"text\"(x)", "select my_text(x)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
