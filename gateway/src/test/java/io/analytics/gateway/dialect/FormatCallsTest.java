package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** format() with a literal format string, read as PostgreSQL reads it. */
class FormatCallsTest {
  private static String translate(String sql) {
    return new FormatCalls().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void placeholdersBecomeTheArgumentsText() {
    assertThat(translate("SELECT format('Hello %s, %%!', name) FROM t"))
        .isEqualTo("SELECT ('Hello ' || COALESCE(CAST((name) AS VARCHAR), '') || ', %!') FROM t");
    assertThat(translate("SELECT format('%I.%L', s, 'it''s')"))
        .isEqualTo("SELECT (CASE WHEN (s) IS NULL THEN error('null values cannot be formatted as an SQL identifier') "
            + "ELSE quote_ident(CAST((s) AS VARCHAR)) END || '.' || quote_nullable(('it''s')))");
    assertThat(translate("SELECT format('')")).isEqualTo("SELECT ''");
  }

  @Test
  void positionsReuseArgumentsAndUnnumberedOnesContinueAfterThem() {
    assertThat(translate("SELECT format('%2$s %1$s %s', a, b)"))
        .isEqualTo("SELECT (COALESCE(CAST((b) AS VARCHAR), '') || ' ' || COALESCE(CAST((a) AS VARCHAR), '') || ' ' "
            + "|| COALESCE(CAST((b) AS VARCHAR), ''))");
  }

  @Test
  void widthsPadWithoutCutting() {
    assertThat(translate("SELECT format('%-3s', a)"))
        .isEqualTo("SELECT ((COALESCE(CAST((a) AS VARCHAR), '') || repeat(' ', greatest(abs(3) - length(COALESCE(CAST((a) AS VARCHAR), '')), 0))))");
    assertThat(translate("SELECT format('%*s', w, a)")).contains("COALESCE(CAST((w) AS INTEGER), 0) < 0");
  }

  @Test
  void formatStringsPostgresRefusesAreRefused() {
    for (String sql : new String[] {"SELECT format('%s %s', a)", "SELECT format('%x', 1)", "SELECT format('%0$s', 1)",
        "SELECT format('%1$', 1)", "SELECT format('%', 1)"}) {
      assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22023");
    }
  }

  @Test
  void otherCallsStayAsTheyAre() {
    for (String sql : new String[] {"SELECT format(f, a) FROM t", "SELECT x.format('%s', a)", "SELECT format('%s', VARIADIC arr)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
