package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Casts of expressions to numeric without a precision become the exact-or-refuse macro. */
class NumericCastsTest {
  private static String translate(String sql) {
    return new NumericCasts().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void castsOfNamesCallsAndGroupsBecomeTheMacro() {
    assertThat(translate("SELECT t.x::numeric, f(a, b)::NUMERIC, (a + 1)::decimal, arr[1]::numeric FROM t"))
        .isEqualTo("SELECT pg_gateway_numeric(t.x), pg_gateway_numeric(f(a, b)), pg_gateway_numeric((a + 1)), "
            + "pg_gateway_numeric(arr[1]) FROM t");
    assertThat(translate("SELECT CAST(a * 2 AS numeric), CAST(CAST(b AS int) AS numeric) FROM t"))
        .isEqualTo("SELECT pg_gateway_numeric(a * 2), pg_gateway_numeric(CAST(b AS int)) FROM t");
    assertThat(translate("SELECT '42'::int2::numeric")).isEqualTo("SELECT pg_gateway_numeric('42'::int2)");
  }

  @Test
  void literalsParametersAndConstrainedCastsStayAsTheyAre() {
    for (String sql : new String[] {"SELECT 1.5::numeric", "SELECT $1::numeric", "SELECT x::numeric(10,2) FROM t",
        "SELECT CAST(x AS numeric(5)) FROM t", "SELECT CAST('1' AS numeric)", "SELECT x::numeric[] FROM t",
        "CREATE VIEW v AS SELECT x::numeric FROM t", "SELECT numeric FROM t"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
