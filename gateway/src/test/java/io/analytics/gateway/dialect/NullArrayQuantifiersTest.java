package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** An array that may be NULL under ANY/ALL/SOME gets one unknown element in its place, so the comparison is NULL. */
class NullArrayQuantifiersTest {
  private static String translate(String sql) {
    return new NullArrayQuantifiers().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void arraysThatMayBeNullGetAnUnknownElementInstead() {
    assertThat(translate("select 33 = any (null::int[])")).isEqualTo("select 33 = any (coalesce(null::int[], [NULL]))");
    assertThat(translate("select 33 = ALL(a) from t")).isEqualTo("select 33 = ALL(coalesce(a, [NULL])) from t");
    assertThat(translate("select * from t where x <> some(f(y))")).isEqualTo("select * from t where x <> some(coalesce(f(y), [NULL]))");
    assertThat(translate("select 1 >= any($1::int[])")).isEqualTo("select 1 >= any(coalesce($1::int[], [NULL]))");
  }

  @Test
  void subqueriesConstructorsLiteralsAndLoneParametersAreLeftAlone() {
    for (String sql : new String[] {"select 1 = any(select x from t)", "select 1 = any(array[1,2])", "select 1 = any([1, 2])",
        "select 1 = any('{1,2}'::int[])", "select 1 = any($1)", "select 1 = any((select a from t))", "select 1 union all (select 2)",
        "select any_value(x) from t", "select 1 = any(with q as (select 1) select * from q)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
