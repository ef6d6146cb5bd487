package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** PostgreSQL's regexp_* functions become RE2 calls only where RE2 answers the same; the rest is refused. */
class RegexpFunctionsTest {
  private static String translate(String sql) {
    return new RegexpFunctions().apply(SqlStatement.parse(sql)).sql();
  }

  private static String sqlState(String sql) {
    return StageOutcome.sqlStateOf(RegexpFunctionsTest::translate, sql);
  }

  @Test
  void regexpMatchIsTheFirstMatchsGroupsOrNull() {
    assertThat(translate("SELECT regexp_match(s, '(B)(c)', 'i') FROM t")).isEqualTo("SELECT CASE WHEN regexp_matches(s, '(B)(c)', 'si') "
        + "THEN [regexp_extract(s, '(B)(c)', 1, 'si'), regexp_extract(s, '(B)(c)', 2, 'si')] END FROM t");
    assertThat(translate("SELECT regexp_match('abc', 'bc')"))
        .isEqualTo("SELECT CASE WHEN regexp_matches('abc', 'bc', 's') THEN [regexp_extract('abc', 'bc', 0, 's')] END");
  }

  @Test
  void likeCountAndSubstrUseDuckDbsFunctions() {
    assertThat(translate("SELECT regexp_like(s, 'a.c|x')")).isEqualTo("SELECT regexp_matches(s, 'a.c|x', 's')");
    assertThat(translate("SELECT regexp_count(s, '123', 3)")).isEqualTo("SELECT len(regexp_extract_all(substr(s, 3), '123', 0, 's'))");
    assertThat(translate("SELECT regexp_substr(s, 'A.C', 1, 2, 'i')")).isEqualTo("SELECT regexp_extract_all(s, 'A.C', 0, 'si')[2]");
    assertThat(translate("SELECT regexp_substr(s, '(a)', 1, 1, '', 2)")).isEqualTo("SELECT CAST(NULL AS VARCHAR)");
  }

  @Test
  void regexpInstrCountsTheTextBeforeTheMatch() {
    assertThat(translate("SELECT regexp_instr(s, 'a.c', 1, 2, 1)")).startsWith("SELECT CASE WHEN len(regexp_extract_all(s, 'a.c', 0, 's')) < 2 THEN 0");
  }

  @Test
  void patternsRe2WouldMatchOtherwiseAreRefused() {
    for (String sql : new String[] {"SELECT regexp_match(s, '.|...')", "SELECT regexp_match(s, 'a*?b')", "SELECT regexp_match(s, '(a)?b')",
        "SELECT regexp_match(s, '((a)b)*c')", "SELECT regexp_match(s, '(a)\\1')", "SELECT regexp_match(s, p)", "SELECT regexp_match(s, 'a', 'x')",
        "SELECT regexp_count(s, '^a', 2)", "SELECT regexp_instr(s, '(a)', 1, 1, 0, '', 1)", "SELECT regexp_substr(s, 'a', n)"}) {
      assertThat(sqlState(sql)).as(sql).isEqualTo("0A000");
    }
    assertThat(translate("SELECT regexp_match(s, '(?:..)*(a+)')")).contains("regexp_extract(s, '(?:..)*(a+)', 1, 's')");
  }

  @Test
  void argumentsPostgresRefusesAre22023() {
    for (String sql : new String[] {"SELECT regexp_count(s, 'a', -3)", "SELECT regexp_instr(s, 'a', 1, 0)", "SELECT regexp_instr(s, 'a', 1, 1, 2)",
        "SELECT regexp_instr(s, 'a', 1, 1, 0, '', -1)", "SELECT regexp_substr(s, 'a', 1, 1, 'g')", "SELECT regexp_match(s, 'a', 'ig')"}) {
      assertThat(sqlState(sql)).as(sql).isEqualTo("22023");
    }
  }

  @Test
  void otherCallsStay() {
    for (String sql : new String[] {"SELECT regexp_replace(s, 'a', 'b')", "SELECT x.regexp_match(s, 'a')", "SELECT 'regexp_match(s)'"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
