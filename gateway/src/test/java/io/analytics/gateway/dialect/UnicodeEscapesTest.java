package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Unicode escapes of E'' literals become their characters; bad ones get PostgreSQL's errors. */
class UnicodeEscapesTest {
  private static final String BACKSLASH = "\\";

  private static String translate(String sql) {
    return new UnicodeEscapes().apply(SqlStatement.parse(sql)).sql();
  }

  private static String code(String sql) {
    return StageOutcome.sqlStateOf(UnicodeEscapesTest::translate, sql);
  }

  @Test
  void escapesBecomeTheirCharacters() {
    assertThat(translate("SELECT E'd" + BACKSLASH + "u0061t" + BACKSLASH + "U00000061' AS data")).isEqualTo("SELECT E'data' AS data");
    assertThat(translate("SELECT E'" + BACKSLASH + "uD83D" + BACKSLASH + "uDE00'")).isEqualTo("SELECT E'\uD83D\uDE00'");
    assertThat(translate("SELECT e'" + BACKSLASH + "u00e9'")).isEqualTo("SELECT e'\u00e9'");
  }

  @Test
  void aQuoteOrBackslashStaysEscapedInsideTheLiteral() {
    assertThat(translate("SELECT E'" + BACKSLASH + "u0027x'")).isEqualTo("SELECT E'" + BACKSLASH + "'x'");
    assertThat(translate("SELECT E'" + BACKSLASH + "u005c'")).isEqualTo("SELECT E'" + BACKSLASH + BACKSLASH + "'");
  }

  @Test
  void otherEscapesAndOtherLiteralsAreLeftAsTheyAre() {
    for (String sql : new String[] {"SELECT E'" + BACKSLASH + BACKSLASH + "u0061'", "SELECT E'a" + BACKSLASH + "n" + BACKSLASH + "x41'",
        "SELECT '" + BACKSLASH + "u0061'", "SELECT $$" + BACKSLASH + "u0061$$"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }

  @Test
  void badEscapesAreRefusedAsInPostgres() {
    assertThat(code("SELECT E'wrong: " + BACKSLASH + "u061'")).isEqualTo("22025");
    assertThat(code("SELECT E'wrong: " + BACKSLASH + "U0061'")).isEqualTo("22025");
    assertThat(code("SELECT E'" + BACKSLASH + "u0000'")).isEqualTo("42601");
    assertThat(code("SELECT E'" + BACKSLASH + "U0011FFFF'")).isEqualTo("42601");
    assertThat(code("SELECT E'" + BACKSLASH + "uD800'")).isEqualTo("42601");
    assertThat(code("SELECT E'" + BACKSLASH + "uDE00'")).isEqualTo("42601");
    assertThat(code("SELECT E'" + BACKSLASH + "uD83Dx'")).isEqualTo("42601");
  }
}
