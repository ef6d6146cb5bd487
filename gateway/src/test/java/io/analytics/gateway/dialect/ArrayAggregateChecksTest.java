package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** array_agg's value and result go through the session's checks, which raise PostgreSQL's errors for arrays. */
class ArrayAggregateChecksTest {
  private static String translate(String sql) {
    return new ArrayAggregateChecks().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void theValueAndTheResultAreChecked() {
    assertThat(translate("SELECT array_agg(ar) FROM t"))
        .isEqualTo("SELECT pg_gateway_array_agg_result(array_agg(pg_gateway_array_agg_value(ar))) FROM t");
    assertThat(translate("SELECT array_agg(f(a, b) ORDER BY c) FILTER (WHERE d) FROM t"))
        .isEqualTo("SELECT pg_gateway_array_agg_result(array_agg(pg_gateway_array_agg_value(f(a, b)) ORDER BY c) FILTER (WHERE d)) FROM t");
  }

  @Test
  void windowCallsKeepTheValueCheckOnlyAndDistinctOrStoredSqlNone() {
    assertThat(translate("SELECT array_agg(x) OVER (ORDER BY y) FROM t"))
        .isEqualTo("SELECT array_agg(pg_gateway_array_agg_value(x)) OVER (ORDER BY y) FROM t");
    for (String sql : new String[] {"SELECT array_agg(DISTINCT x) FROM t", "CREATE VIEW v AS SELECT array_agg(x) FROM t", "SELECT s.array_agg(x)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
