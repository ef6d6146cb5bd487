package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** EXTRACT becomes PostgreSQL's numeric: whole fields cast, unbounded fields and the epoch through the typed macros. */
class ExtractNumericTest {
  private static String translate(String sql) {
    return new ExtractNumeric().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void wholeFieldsBecomeNumericWithoutDecimals() {
    assertThat(translate("SELECT EXTRACT(DAY FROM d), extract('dow' from d) FROM t"))
        .isEqualTo("SELECT CAST(EXTRACT(DAY FROM d) AS DECIMAL(18,0)), CAST(extract('dow' from d) AS DECIMAL(18,0)) FROM t");
  }

  @Test
  void unboundedFieldsAndTheEpochCallTheTypedMacros() {
    assertThat(translate("SELECT extract(year FROM DATE '2020-01-01'), extract(centuries from f(x)), extract(epoch from ts) FROM t"))
        .isEqualTo("SELECT pg_gateway_extract_year(DATE '2020-01-01'), pg_gateway_extract_century(f(x)), pg_gateway_extract_epoch(ts) FROM t");
  }

  @Test
  void millisecondsKeepThreeDecimals() {
    assertThat(translate("SELECT extract(milliseconds from ts)"))
        .isEqualTo("SELECT (CAST(extract(microseconds FROM ts) AS DECIMAL(18,0)) * CAST(0.001 AS DECIMAL(4,3)))");
  }

  @Test
  void otherFieldsDatePartAndQualifiedNamesStay() {
    for (String sql : new String[] {"SELECT extract(julian from d)", "SELECT date_part('year', d)", "SELECT s.extract(year from d)",
        "SELECT extract"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
