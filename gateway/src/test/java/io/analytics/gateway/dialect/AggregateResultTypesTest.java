package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** sum, avg, var_pop and stddev_pop calls of queries become the typed macros; what DuckDB takes only from real aggregates stays. */
class AggregateResultTypesTest {
  private static String translate(String sql) {
    return new AggregateResultTypes().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void plainCallsInQueriesBecomeTheTypedMacros() {
    assertThat(translate("SELECT sum(x), AVG(y + 1) FROM t GROUP BY z HAVING sum(x) > 1"))
        .isEqualTo("SELECT pg_gateway_sum(x), pg_gateway_avg(y + 1, y + 1) FROM t GROUP BY z HAVING pg_gateway_sum(x) > 1");
    assertThat(translate("WITH s AS (SELECT avg(v) OVER (ORDER BY i) FROM t) SELECT * FROM s"))
        .isEqualTo("WITH s AS (SELECT pg_gateway_window_avg(v, v) OVER (ORDER BY i) FROM t) SELECT * FROM s");
    assertThat(translate("(SELECT sum(x) FROM t)")).isEqualTo("(SELECT pg_gateway_sum(x) FROM t)");
  }

  @Test
  void variancesBecomeTheMacrosTypedByACopyAndTheirWindowMacrosAsWindowFunctions() {
    assertThat(translate("SELECT var_pop(x), stddev_pop(x::float8), var_samp(x), VARIANCE(x), stddev(x), stddev_samp(x) FROM t"))
        .isEqualTo("SELECT pg_gateway_var_pop(x, x), pg_gateway_stddev_pop(x::float8, x::float8), pg_gateway_var_samp(x, x), "
            + "pg_gateway_variance(x, x), pg_gateway_stddev(x, x), pg_gateway_stddev_samp(x, x) FROM t");
    assertThat(translate("SELECT var_pop(x) OVER (ORDER BY i), stddev_pop(x) OVER w, variance(x) OVER () FROM t WINDOW w AS ()"))
        .isEqualTo("SELECT pg_gateway_window_var_pop(x, x) OVER (ORDER BY i), pg_gateway_window_stddev_pop(x, x) OVER w, "
            + "pg_gateway_window_variance(x, x) OVER () FROM t WINDOW w AS ()");
  }

  @Test
  void callsOnlyRealAggregatesAcceptStayAsTheyAre() {
    String[] unchanged = {
        "SELECT sum(DISTINCT x) FROM t", "SELECT sum(x) FILTER (WHERE x > 0) FROM t", "SELECT avg(x ORDER BY y) FROM t",
        "SELECT sum(count(x)) OVER () FROM t", "SELECT s.sum(x) FROM t", "SELECT \"sum\"(x) FROM t", "SELECT sum FROM t",
        "SELECT 'sum(x)'", "SELECT sum(*) FROM t"};
    for (String sql : unchanged) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
    assertThat(translate("SELECT sum(sum(x)) OVER (), sum(y) FROM t GROUP BY z"))
        .isEqualTo("SELECT sum(pg_gateway_sum(x)) OVER (), pg_gateway_sum(y) FROM t GROUP BY z");
  }

  @Test
  void statementsThatStoreSqlKeepDuckDbsAggregates() {
    for (String sql : new String[] {"CREATE VIEW v AS SELECT sum(x) FROM t", "CREATE TABLE a AS SELECT avg(x) FROM t",
        "INSERT INTO a SELECT sum(x) FROM t", "DECLARE c CURSOR FOR SELECT sum(x) FROM t", "EXPLAIN SELECT sum(x) FROM t"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
