package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Computed values stored into an unconstrained numeric column are checked row by row; other values stay as they are. */
class UnconstrainedNumericExpressionsTest {
  private final List<String> probed = new ArrayList<>();

  /** The statement applied with a probe answering these DuckDB types for its parameters. */
  private String apply(String sql, String... types) {
    return new UnconstrainedNumericExpressions(probe -> {
      probed.add(probe);
      return List.of(types);
    }).apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void aComputedValueForAnUnconstrainedColumnIsWrappedInTheCheck() {
    assertThat(apply("UPDATE t SET k = $1 * 2, x = x * 1.05, n = n + 1 WHERE id = $1", "INTEGER", "INTEGER", "DECIMAL(38,10)"))
        .isEqualTo("UPDATE t SET k = $1 * 2, x = " + UnconstrainedNumericExpressions.checkedValue("x * 1.05") + ", n = n + 1 WHERE id = $1");
    assertThat(probed).containsExactly("UPDATE t SET k = $2, x = $3, n = n + 1 WHERE id = $1");
  }

  @Test
  void valuesRowsAreSplitIntoTheirItems() {
    String sql = "INSERT INTO t (a, b) VALUES (f(1, 2) / 3, 1.5 * (2 + 1)), (4, 5) RETURNING a";
    assertThat(apply(sql, "DECIMAL(18,3)", "DECIMAL(38, 10)")).isEqualTo("INSERT INTO t (a, b) VALUES (f(1, 2) / 3, "
        + UnconstrainedNumericExpressions.checkedValue("1.5 * (2 + 1)") + "), (4, 5) RETURNING a");
    assertThat(probed).containsExactly("INSERT INTO t (a, b) VALUES ($1, $2), (4, 5) RETURNING a");
  }

  @Test
  void plainValuesAndOtherStatementsAreNotProbed() {
    for (String sql : new String[] {"INSERT INTO t VALUES (1, 'a', $1, -2, now())", "UPDATE t SET n = n + 1, s = 'x' WHERE v = 1.5 * 2",
        "SELECT x * 1.05 FROM t", "INSERT INTO t SELECT x * 1.05 FROM u", "UPDATE t SET (a, b) = (1.5 * 2, 3)"}) {
      assertThat(apply(sql, "DECIMAL(38,10)")).as(sql).isEqualTo(sql);
    }
    assertThat(probed).isEmpty();
  }

  @Test
  void theCheckNamesItsValueOnce() {
    assertThat(UnconstrainedNumericExpressions.checkedValue("random() * 1.5"))
        .startsWith("list_transform([random() * 1.5], lambda pg_stored: CASE WHEN pg_stored <> CAST(pg_stored AS DECIMAL(38,10))")
        .contains("platform''s numeric without a precision holds");
  }
}
