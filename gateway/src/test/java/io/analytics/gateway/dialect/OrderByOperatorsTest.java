package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** ORDER BY ... USING an ordering operator is that direction; a comparison that orders nothing is refused as PostgreSQL refuses it. */
class OrderByOperatorsTest {
  private static String translate(String sql) {
    return new OrderByOperators().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void lessThanSortsAscendingAndGreaterThanDescending() {
    assertThat(translate("select a, b from t order by a using >, b using <")).isEqualTo("select a, b from t order by a DESC, b ASC");
    assertThat(translate("select a from t order by a USING>NULLS LAST")).isEqualTo("select a from t order by a DESC NULLS LAST");
    assertThat(translate("select string_agg(a, ',' order by a using >) from t")).isEqualTo("select string_agg(a, ',' order by a DESC) from t");
  }

  @Test
  void joinAndDeleteUsingAreLeftAlone() {
    for (String sql : new String[] {"select * from a join b using (id)", "delete from a using b where a.id = b.id",
        "create index i on t using btree (a)", "merge into t using s on t.id = s.id when matched then delete"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }

  @Test
  void operatorsThatAreNotOrderingsAreRefused() {
    assertThat(StageOutcome.sqlStateOf(OrderByOperatorsTest::translate, "select a from t order by a using <=")).isEqualTo("42809");
    assertThat(StageOutcome.sqlStateOf(OrderByOperatorsTest::translate, "select a from t order by a using =")).isEqualTo("42809");
    assertThat(StageOutcome.sqlStateOf(OrderByOperatorsTest::translate, "select a from t order by a using ~<~")).isEqualTo("0A000");
  }
}
