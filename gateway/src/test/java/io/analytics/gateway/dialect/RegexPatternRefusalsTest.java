package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Literal patterns RE2 would read otherwise than PostgreSQL are rewritten where exact, refused where not. */
class RegexPatternRefusalsTest {
  private static String hex(String sql) {
    return new RegexHexEscapes().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void longHexEscapesOfMatchOperatorsTakeRe2sBracedForm() {
    assertThat(hex("SELECT 'a' ~ '\\x0061g', s !~* 'x\\x41' FROM t")).isEqualTo("SELECT 'a' ~ '\\x{0061}g', s !~* 'x\\x41' FROM t");
    assertThat(hex("SELECT '\\x0061' AS s")).isEqualTo("SELECT '\\x0061' AS s");
    assertThat(StageOutcome.sqlStateOf(RegexPatternRefusalsTest::hex, "SELECT 'a' ~ '\\x7fffffff'")).isEqualTo("2201B");
  }

  @Test
  void lazyQuantifiersMakeRegexpMatchesRefuse() {
    assertThat(RegexPatternShape.hasLazyQuantifier("^(l*){1,1}?(.*)(f*)$")).isTrue();
    assertThat(RegexPatternShape.hasLazyQuantifier("a+?b")).isTrue();
    assertThat(RegexPatternShape.hasLazyQuantifier("(?:ab)*c[*?]\\*?")).isFalse();
    assertThat(StageOutcome.sqlStateOf(sql -> new RegexpMatches().apply(SqlStatement.parse(sql)).sql(),
        "select regexp_matches('llmmmfff', '^(l*?){1,1}(.*)(f*)$')")).isEqualTo("0A000");
  }
}
