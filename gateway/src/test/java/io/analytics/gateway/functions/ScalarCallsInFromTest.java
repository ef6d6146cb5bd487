package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScalarCallsInFromTest {
  private static final Set<String> TABLE_FUNCTIONS = Set.of("generate_series", "unnest", "read_parquet");

  private static String rewritten(String sql) {
    return ScalarCallsInFrom.rewrite(SqlStatement.parse(sql), TABLE_FUNCTIONS::contains).sql();
  }

  @Test
  void aScalarCallInFromIsAOneRowTableNamedAfterTheFunction() {
    assertThat(rewritten("SELECT now FROM now()")).isEqualTo("SELECT now FROM (SELECT now() AS \"now\") AS \"now\"");
  }

  @Test
  void anAliasNamesTheColumnAndAColumnListIsKept() {
    assertThat(rewritten("SELECT * FROM upper('a') AS u(x)")).isEqualTo("SELECT * FROM (SELECT upper('a') AS u) AS u(x)");
    assertThat(rewritten("SELECT u FROM upper('a') u")).isEqualTo("SELECT u FROM (SELECT upper('a') AS u) u");
  }

  @Test
  void tableFunctionsAndCallsOutsideFromAreLeftAlone() {
    String sql = "SELECT upper(s), f(a, b) FROM generate_series(1, 3) g(x), t, LATERAL (SELECT 1) l WHERE a IS DISTINCT FROM g(x) "
        + "AND extract(year from d) = 1 AND trim(BOTH '\"' FROM pg_get_indexdef(o, 1, false)) <> '' ORDER BY lower(s)";
    assertThat(rewritten(sql)).isEqualTo(sql);
  }

  @Test
  void callsAfterJoinsCommasAndInSubqueries() {
    assertThat(rewritten("SELECT * FROM t, f(1) JOIN g(2) ON true WHERE x IN (SELECT * FROM h(3))"))
        .isEqualTo("SELECT * FROM t, (SELECT f(1) AS \"f\") AS \"f\" JOIN (SELECT g(2) AS \"g\") AS \"g\" ON true "
            + "WHERE x IN (SELECT * FROM (SELECT h(3) AS \"h\") AS \"h\")");
  }
}
