package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** CTEs of WITH RECURSIVE come after the CTEs they name, as DuckDB resolves only earlier ones. */
class RecursiveCteOrderTest {
  private static String translate(String sql) {
    return new RecursiveCteOrder().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void aCteNamingALaterOneMovesAfterIt() {
    assertThat(translate("WITH RECURSIVE x(id) AS (SELECT * FROM y UNION ALL SELECT id+1 FROM x WHERE id < 5), y(id) AS (values (1)) SELECT * FROM x"))
        .isEqualTo("WITH RECURSIVE y(id) AS (values (1)), x(id) AS (SELECT * FROM y UNION ALL SELECT id+1 FROM x WHERE id < 5) SELECT * FROM x");
  }

  @Test
  void orderedListsMutualReferencesAndOtherStatementsStay() {
    for (String sql : new String[] {
        "WITH RECURSIVE y AS (VALUES (1)), x AS (SELECT * FROM y) SELECT * FROM x",
        "WITH RECURSIVE x AS (SELECT * FROM y), y AS (SELECT * FROM x) SELECT * FROM x",
        "WITH x AS (SELECT * FROM y), y AS (VALUES (1)) SELECT * FROM x",
        "WITH RECURSIVE x AS (SELECT t.y FROM t), y AS (VALUES (1)) SELECT * FROM x"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
