package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** date_part answers double precision; milliseconds keep their fraction; seconds are ExtractSeconds'. */
class DatePartResultsTest {
  private static String translate(String sql) {
    return new DatePartResults().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void fieldsAreDoublePrecision() {
    assertThat(translate("select date_part('month', d), date_part(f, d) from t"))
        .isEqualTo("select CAST(date_part('month', d) AS DOUBLE), CAST(date_part(f, d) AS DOUBLE) from t");
  }

  @Test
  void unboundedFieldsAreTheMacrosInAnySpelling() {
    assertThat(translate("select date_part('year', d), date_part('Centuries', d + 1), date_part('jd', ts) from t"))
        .isEqualTo("select pg_gateway_date_part_year(d), pg_gateway_date_part_century(d + 1), pg_gateway_date_part_julian(ts) from t");
  }

  @Test
  void millisecondsKeepTheirFraction() {
    assertThat(translate("select date_part('millisecond', TIME '13:30:25.575401')"))
        .isEqualTo("select (CAST(date_part('microseconds', TIME '13:30:25.575401') AS DOUBLE) / 1000)");
  }

  @Test
  void secondsAndOtherNamesAreLeftAlone() {
    for (String sql : new String[] {"select date_part('second', t) from x", "select s.date_part('year', d)", "select datepart('year', d)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
