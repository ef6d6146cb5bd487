package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** A DISTINCT list aggregate without an ORDER BY lists its values in ascending order, as PostgreSQL's sort does. */
class DistinctAggregateOrderTest {
  private static String translate(String sql) {
    return new DistinctAggregateOrder().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void distinctValuesAreOrdered() {
    assertThat(translate("select array_agg(distinct a) from t")).isEqualTo("select array_agg(distinct a ORDER BY a) from t");
    assertThat(translate("select string_agg(DISTINCT lower(name), ', ') from t"))
        .isEqualTo("select string_agg(DISTINCT lower(name), ', ' ORDER BY lower(name)) from t");
  }

  @Test
  void ordersOfTheirOwnAndOtherCallsAreLeftAlone() {
    for (String sql : new String[] {"select array_agg(distinct a order by a desc) from t", "select array_agg(a) from t",
        "select count(distinct a) from t", "select string_agg(distinct a, ',' order by a) from t"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
