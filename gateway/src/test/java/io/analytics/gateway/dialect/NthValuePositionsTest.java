package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** nth_value with a literal position below 1 is refused with 22016, as in PostgreSQL; other positions pass. */
class NthValuePositionsTest {
  private static String translate(String sql) {
    return new NthValuePositions().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void positionsBelowOneAreRefused() {
    for (String sql : new String[] {"SELECT nth_value(four, 0) OVER (ORDER BY ten) FROM t", "SELECT nth_value(x, -1) OVER w FROM t",
        "SELECT NTH_VALUE(x, (-2)) OVER () FROM t"}) {
      assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22016");
    }
  }

  @Test
  void otherPositionsPass() {
    for (String sql : new String[] {"SELECT nth_value(x, 2) OVER () FROM t", "SELECT nth_value(x, n) OVER () FROM t",
        "SELECT nth_value(x, 10) OVER () FROM t", "SELECT nth_value(x, 1 - 1) OVER () FROM t", "SELECT 'nth_value(x, 0)'"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
