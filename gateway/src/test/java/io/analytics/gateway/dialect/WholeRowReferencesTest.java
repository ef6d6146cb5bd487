package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** A select-list item naming a relation is refused when DuckDB binds it to the whole row; a column of that name passes. */
class WholeRowReferencesTest {
  private static String translate(String sql) {
    return new WholeRowReferences().apply(SqlStatement.parse(sql)).sql();
  }

  private static String guarded(String name) {
    return "CASE WHEN typeof(" + name + ") LIKE 'STRUCT%' THEN error('[0A000] the whole-row reference " + name
        + " is not supported by the gateway: PostgreSQL''s record has no DuckDB counterpart; select its columns instead') ELSE "
        + name + " END AS " + name;
  }

  @Test
  void itemsNamingARelationAreGuarded() {
    assertThat(translate("select foo from (select 1 offset 0) as foo"))
        .isEqualTo("select " + guarded("foo") + " from (select 1 offset 0) as foo");
    assertThat(translate("with q as (select 1) select q from q")).isEqualTo("with q as (select 1) select " + guarded("q") + " from q");
    assertThat(translate("select a, t from tbl t")).isEqualTo("select a, " + guarded("t") + " from tbl t");
    assertThat(translate("select q from t, (select 1, 2) q")).isEqualTo("select " + guarded("q") + " from t, (select 1, 2) q");
  }

  @Test
  void otherItemsAndStatementsAreLeftAlone() {
    for (String sql : new String[] {"select t.a, a + 1, f(t) from tbl t", "select x from y", "insert into t select 1",
        "select a from tbl t where t = 1",
        "select (select sq1) as qq1 from (select exists(select 1 from t where f1 = q2) as sq1, 42 as dummy from u) sq0"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
