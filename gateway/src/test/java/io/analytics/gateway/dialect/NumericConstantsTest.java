package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Numeric arithmetic and functions of constants become PostgreSQL's exact results; everything else is left to DuckDB. */
class NumericConstantsTest {
  private static String translate(String sql) {
    return new NumericConstants().apply(new NumericLiterals().apply(SqlStatement.parse(sql))).sql();
  }

  private static String sqlState(String sql) {
    return StageOutcome.sqlStateOf(NumericConstantsTest::translate, sql);
  }

  @Test
  void divisionOfNumericConstantsHasPostgresScale() {
    assertThat(translate("select 70.0 / 70")).isEqualTo("select CAST('1.00000000000000000000' AS DECIMAL(21,20))");
    assertThat(translate("SELECT 1::numeric / 3")).isEqualTo("SELECT CAST('0.33333333333333333333' AS DECIMAL(21,20))");
    assertThat(translate("SELECT 1 - 7.0 / 2 AS x")).isEqualTo("SELECT 1 - CAST('3.5000000000000000' AS DECIMAL(17,16)) AS x");
  }

  @Test
  void functionsOfNumericConstants() {
    assertThat(translate("select sqrt(1.000000000000003::numeric)")).isEqualTo("select CAST('1.000000000000001' AS DECIMAL(16,15))");
    assertThat(translate("select exp(1.0)")).isEqualTo("select CAST('2.7182818284590452' AS DECIMAL(17,16))");
    assertThat(translate("SELECT power('-2'::numeric, '3')")).isEqualTo("SELECT CAST('-8.0000000000000000' AS DECIMAL(17,16))");
    assertThat(translate("select (-1.0) ^ 2147483646")).isEqualTo("select CAST('1.0000000000000000' AS DECIMAL(17,16))");
    assertThat(translate("select 0.12 ^ (-20)")).isEqualTo("select CAST('2608405330458882702.5529619561355838' AS DECIMAL(35,16))");
    assertThat(translate("select log(10.00000000000000000)")).isEqualTo("select CAST('1.00000000000000000' AS DECIMAL(18,17))");
  }

  @Test
  void operandsBoundMoreTightlyElsewhereAreNotFolded() {
    for (String sql : new String[] {"SELECT 2 * 70.0 / 70", "SELECT 70.0 / 7 ^ 2", "SELECT 70.0 / 7::float8", "SELECT x / 2.0 FROM t",
        "SELECT 7 / 2", "SELECT sqrt(4)", "SELECT power(2, 3)", "SELECT t.sqrt(2.0)", "SELECT sqrt(x) FROM t", "SELECT 10.0 ^ n FROM t"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(new NumericLiterals().apply(SqlStatement.parse(sql)).sql());
    }
  }

  @Test
  void postgresErrorsAndResultsBeyondThirtyEightDigits() {
    assertThat(sqlState("SELECT power('-2'::numeric, '3.3')")).isEqualTo("2201F");
    assertThat(sqlState("select (-12.34) ^ 1.2")).isEqualTo("2201F");
    assertThat(sqlState("select 10.0 ^ 2147483647")).isEqualTo("22003");
    assertThat(sqlState("select ln(0.0)")).isEqualTo("2201E");
    assertThat(sqlState("select sqrt(-1.0)")).isEqualTo("2201F");
    assertThat(sqlState("select 1.0 / 0")).isEqualTo("22012");
    assertThat(sqlState("select 1.234 ^ 5678")).isEqualTo("22003");
  }
}
