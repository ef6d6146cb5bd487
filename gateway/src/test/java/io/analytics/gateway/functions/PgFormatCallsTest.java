package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

class PgFormatCallsTest {
  private static String rewritten(String sql) {
    return PgFormatCalls.rewrite(SqlStatement.parse(sql)).sql();
  }

  @Test
  void toCharWithADateFormatBecomesStrftime() {
    assertThat(rewritten("SELECT to_char(ts, 'YYYY-MM-DD HH24:MI:SS') FROM t"))
        .isEqualTo("SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') FROM t");
  }

  @Test
  void fillModeDropsLeadingZerosOfNumbersAndPadsNoNames() {
    assertThat(PgDateTimeFormat.toStrftime("FMDD.FMMM FMMonth FMDay Mon Dy", false)).isEqualTo("%-d.%-m %B %A %b %a");
  }

  @Test
  void fieldsStrftimeCannotPrintBecomeExpressionsJoinedSoThatNullStaysNull() {
    assertThat(rewritten("SELECT to_char(ts, 'Day DD IW')"))
        .isEqualTo("SELECT (rpad(strftime(ts, '%A'), 9, ' ') || strftime(ts, ' %d ') || lpad(CAST(week(ts) AS VARCHAR), 2, '0'))");
    assertThat(rewritten("SELECT to_char(ts, 'FMIW MON am')"))
        .isEqualTo("SELECT (CAST(week(ts) AS VARCHAR) || strftime(ts, ' ') || upper(strftime(ts, '%b')) || strftime(ts, ' ') "
            + "|| CASE WHEN hour(ts) < 12 THEN 'am' ELSE 'pm' END)");
    // DD, DDD and Dy are strftime's; D alone is the day of the week.
    assertThat(rewritten("SELECT to_char(ts, 'DDD DD Dy D')"))
        .isEqualTo("SELECT (strftime(ts, '%j %d %a ') || CAST((dayofweek(ts) + 1) AS VARCHAR))");
  }

  @Test
  void quotedTextAndPercentSignsAreLiteral() {
    assertThat(PgDateTimeFormat.toStrftime("YYYY\"T%\"MM 100%", false)).isEqualTo("%YT%%%m 100%%");
  }

  @Test
  void toDateAndToTimestampParseWithStrptime() {
    assertThat(rewritten("SELECT to_date('2024-01-02', 'YYYY-MM-DD'), pg_catalog.to_timestamp(s, 'DD/MM/YYYY HH12:MI AM')"))
        .isEqualTo("SELECT CAST(strptime('2024-01-02', '%Y-%m-%d') AS DATE), "
            + "CAST(strptime(s, '%d/%m/%Y %I:%M %p') AS TIMESTAMPTZ)");
  }

  @Test
  void nestedArgumentsAreKept() {
    assertThat(rewritten("SELECT to_char(date_trunc('month', f(a, b)), 'YYYY-MM')"))
        .isEqualTo("SELECT strftime(date_trunc('month', f(a, b)), '%Y-%m')");
  }

  @Test
  void callsWithoutALiteralFormatAndOtherNamesAreLeftAlone() {
    assertThat(rewritten("SELECT to_timestamp(1700000000), to_char(x, $1), t.to_char(x, 'YYYY')"))
        .isEqualTo("SELECT to_timestamp(1700000000), to_char(x, $1), t.to_char(x, 'YYYY')");
  }

  @Test
  void patternsWithoutAnExactEquivalentAreRefused() {
    assertThatThrownBy(() -> rewritten("SELECT to_date(s, 'DD Month YYYY')")).isInstanceOf(PlatformException.class)
        .hasMessageContaining("\"Month\"");
    assertThatThrownBy(() -> rewritten("SELECT to_char(now(), 'IYY-IW')")).isInstanceOf(PlatformException.class);
    assertThatThrownBy(() -> rewritten("SELECT to_char(now(), 'DDth TZ')")).isInstanceOf(PlatformException.class);
    assertThatThrownBy(() -> rewritten("SELECT to_timestamp(s, 'YYYY-MM-DD SSSS')")).isInstanceOf(PlatformException.class)
        .hasMessageContaining("\"SSSS\" (seconds past midnight)");
  }

  @Test
  void numericFormatsGoToTheJavaFormatterWithTheValuesTextAndType() {
    assertThat(rewritten("SELECT to_char(x + 1, 'FM9,999.00') FROM t"))
        .isEqualTo("SELECT pg_to_char_number(CAST(x + 1 AS VARCHAR), typeof(x + 1), 'FM9,999.00') FROM t");
  }
}
