package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Calls of PostgreSQL's numeric functions in queries become the typed macros; other uses of the names stay. */
class NumericFunctionCallsTest {
  private static String translate(String sql) {
    return new NumericFunctionCalls().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void callsInQueriesBecomeTheTypedMacros() {
    assertThat(translate("SELECT sqrt(n), EXP(n), ln(n), log(n), log(2, n), log10(n), power(n, 2), pow(2, n) FROM t"))
        .isEqualTo("SELECT pg_gateway_sqrt(n), pg_gateway_exp(n), pg_gateway_ln(n), pg_gateway_log(n), pg_gateway_log(2, n), "
            + "pg_gateway_log10(n), pg_gateway_power(n, 2), pg_gateway_power(2, n) FROM t");
  }

  @Test
  void roundBecomesTheMacroThatRoundsDoublesHalfToEven() {
    assertThat(translate("SELECT round(x), round(x, 2) FROM t")).isEqualTo("SELECT pg_gateway_round(x), pg_gateway_round(x, 2) FROM t");
  }

  @Test
  void namesThatAreNotCallsAndStoredSqlStay() {
    for (String sql : new String[] {"SELECT exp FROM t", "SELECT s.sqrt(x) FROM t", "SELECT 'sqrt(x)'",
        "CREATE VIEW v AS SELECT sqrt(n) FROM t", "SELECT \"ln\"(x) FROM t"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
