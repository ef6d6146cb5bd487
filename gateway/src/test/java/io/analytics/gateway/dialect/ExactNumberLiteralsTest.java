package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Number literals PostgreSQL reads as numeric and DuckDB as a double become exact, or 22003; the others stay. */
class ExactNumberLiteralsTest {
  private static String translate(String sql) {
    return new ExactNumberLiterals().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void exponentLiteralsBecomeTheirExactDecimal() {
    assertThat(translate("SELECT 1.5e10, 1e-5 AS small, x * 2E3 FROM t"))
        .isEqualTo("SELECT CAST('15000000000' AS DECIMAL(11,0)), CAST('0.00001' AS DECIMAL(6,5)) AS small, x * CAST('2000' AS DECIMAL(4,0)) FROM t");
  }

  @Test
  void literalsBeyondThirtyEightDigitsAreOutOfRange() {
    for (String sql : new String[] {"SELECT 0.12345678901234567890123456789012345678901",
        "select 4789999999999999999999999999999999999999999999999999999999999999999999999999999999999999 * 2", "SELECT 1e-300"}) {
      assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22003");
    }
  }

  @Test
  void exactLiteralsAndCastLiteralsStay() {
    for (String sql : new String[] {"SELECT 1.5, 12345678901234567890123456789012345678, 0.5e", "SELECT 1e400::float8",
        "SELECT CAST(1e-5 AS real)", "SELECT CAST(-2.25e300 AS DOUBLE)", "SELECT make_interval(secs := 7e12)", "SELECT 'a1e5'", "SELECT x1e5 FROM t", "SELECT 1.5e3::numeric"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
