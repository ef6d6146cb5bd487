package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Literals that overflow or underflow their floating-point type are refused; the rest pass unchanged. */
class FloatLiteralsTest {
  private static String translate(String sql) {
    return new FloatLiterals().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void literalsBeyondTheTypeAreOutOfRange() {
    for (String sql : new String[] {"SELECT '10e400'::float8", "SELECT '-10e-400'::double precision", "SELECT float8 '1e309'",
        "SELECT '1e39'::real", "SELECT CAST('1e-46' AS float4)", "SELECT 1e400::float8"}) {
      assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22003");
    }
  }

  @Test
  void literalsTheTypeHoldsStayAsTheyAre() {
    for (String sql : new String[] {"SELECT '1e308'::float8", "SELECT '4.9e-324'::float8", "SELECT 'NaN'::float8", "SELECT '-Infinity'::real",
        "SELECT '0'::float4, '-0'::float8", "SELECT 'abc'::float8", "SELECT $1::float8", "SELECT '1e39'::numeric"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
