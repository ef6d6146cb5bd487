package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Divisions in queries go through the typed division macro, with PostgreSQL's operator precedence. */
class NumericDivisionTest {
  private static String translate(String sql) {
    return new NumericDivision().apply(SqlStatement.parse(sql)).sql();
  }

  private static String divide(String left, String right) {
    return "list_transform([{'a': " + left + ", 'b': " + right + "}], lambda pg_quotient: pg_gateway_divide(pg_quotient.a, "
        + "pg_quotient.b, pg_quotient.a, pg_quotient.b))[1]";
  }

  @Test
  void aDivisionBecomesTheMacroOverItsBoundOperands() {
    assertThat(translate("SELECT a / b FROM t")).isEqualTo("SELECT " + divide("a", "b") + " FROM t");
    assertThat(translate("SELECT sum(x)/count(x) FROM t")).isEqualTo("SELECT " + divide("sum(x)", "count(x)") + " FROM t");
  }

  @Test
  void operandsFollowPostgresPrecedence() {
    assertThat(translate("SELECT 1 + a * b / c - d FROM t")).isEqualTo("SELECT 1 + " + divide("a * b", "c") + " - d FROM t");
    assertThat(translate("SELECT a / b * c FROM t")).isEqualTo("SELECT " + divide("a", "b") + " * c FROM t");
    assertThat(translate("SELECT a / b ^ 2 FROM t")).isEqualTo("SELECT " + divide("a", "b ^ 2") + " FROM t");
    assertThat(translate("SELECT -a / t.b::numeric FROM t")).isEqualTo("SELECT " + divide("-a", "t.b::numeric") + " FROM t");
    assertThat(translate("SELECT (a + b) / CASE WHEN c = 0 THEN 1 ELSE c END FROM t"))
        .isEqualTo("SELECT " + divide("(a + b)", "CASE WHEN c = 0 THEN 1 ELSE c END") + " FROM t");
  }

  @Test
  void chainedDivisionsNestLeftToRight() {
    assertThat(translate("SELECT a / b / c FROM t")).isEqualTo("SELECT " + divide(divide("a", "b"), "c") + " FROM t");
  }

  @Test
  void windowAndFilteredCallsAreWholeOperands() {
    assertThat(translate("SELECT sum(x) OVER (PARTITION BY g) / count(*) FILTER (WHERE x > 0) OVER w FROM t"))
        .isEqualTo("SELECT " + divide("sum(x) OVER (PARTITION BY g)", "count(*) FILTER (WHERE x > 0) OVER w") + " FROM t");
  }

  @Test
  void divisionsInsideArgumentsAndConditionsAreRewrittenToo() {
    assertThat(translate("SELECT round(a / 3, 2) FROM t WHERE a / b > 0.5"))
        .isEqualTo("SELECT round(" + divide("a", "3") + ", 2) FROM t WHERE " + divide("a", "b") + " > 0.5");
  }

  @Test
  void integerConstantsParametersAndStoredSqlStay() {
    for (String sql : new String[] {"SELECT 7 / 2", "SELECT -7 / 2", "SELECT a / $1 FROM t", "SELECT $1 / a FROM t", "SELECT f / '-10' FROM t",
        "CREATE VIEW v AS SELECT a / b FROM t", "SELECT 'a / b'", "SELECT a // b FROM t", "SELECT a /* c */ FROM t"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
