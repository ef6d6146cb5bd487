package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Plain string_agg calls become the session macro that has PostgreSQL's bytea form and NULL delimiter; others stay. */
class StringAggregatesTest {
  private static String translate(String sql) {
    return new StringAggregates().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void plainCallsBecomeTheMacro() {
    assertThat(translate("select string_agg(v, '') from bytea_test_table"))
        .isEqualTo("select pg_gateway_string_agg(v, '') from bytea_test_table");
    assertThat(translate("SELECT STRING_AGG(lower(a), NULL) OVER (ORDER BY a), string_agg(b, ',') FROM t"))
        .isEqualTo("SELECT pg_gateway_string_agg(lower(a), NULL) OVER (ORDER BY a), pg_gateway_string_agg(b, ',') FROM t");
  }

  @Test
  void callsDuckDbAllowsOnlyOnRealAggregatesStay() {
    for (String sql : new String[] {
        "SELECT string_agg(DISTINCT a, ',') FROM t",
        "SELECT string_agg(a, ',' ORDER BY a) FROM t",
        "SELECT string_agg(a, ',') FILTER (WHERE a > 'b') FROM t",
        "SELECT string_agg(a) FROM t",
        "SELECT s.string_agg(a, ',') FROM t",
        "CREATE VIEW v AS SELECT string_agg(a, ',') FROM t",
        "SELECT 'string_agg(a, b)'"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
