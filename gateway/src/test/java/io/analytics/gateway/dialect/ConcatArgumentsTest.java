package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** concat's and concat_ws's values go through pg_concat_text (booleans as t/f); the separator does not. */
class ConcatArgumentsTest {
  private static String translate(String sql) {
    return new ConcatArguments().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void eachValueIsWrittenAsPostgresText() {
    assertThat(translate("select concat(1, true, f(a, b))"))
        .isEqualTo("select concat(pg_concat_text(1), pg_concat_text(true), pg_concat_text(f(a, b)))");
    assertThat(translate("select CONCAT_WS('#', x, false) from t"))
        .isEqualTo("select CONCAT_WS('#', pg_concat_text(x), pg_concat_text(false)) from t");
  }

  @Test
  void otherCallsAndVariadicArraysAreLeftAlone() {
    for (String sql : new String[] {"select concat()", "select concat_ws(',')", "select concat(variadic a) from t",
        "select s.concat(1)", "select concatenate(1, 2)", "select 'concat(1)'"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
