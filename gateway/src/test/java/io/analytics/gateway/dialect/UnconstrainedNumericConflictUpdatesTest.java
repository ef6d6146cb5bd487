package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ON CONFLICT ... DO UPDATE SET checks the values it stores into a numeric column without precision. */
class UnconstrainedNumericConflictUpdatesTest {
  private final List<String> probes = new ArrayList<>();

  /** Column a is DECIMAL(38,10), every other column INTEGER. */
  private String translate(String sql) {
    UnconstrainedNumericConflictUpdates stage = new UnconstrainedNumericConflictUpdates(probe -> {
      probes.add(probe);
      String columns = probe.substring("SELECT ".length(), probe.indexOf(" FROM "));
      return java.util.Arrays.stream(columns.split(", ")).map(c -> c.equals("a") ? "DECIMAL(38,10)" : "INTEGER").toList();
    });
    return stage.apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void assignmentsToAnUnconstrainedColumnAreChecked() {
    assertThat(translate("INSERT INTO s.t VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET b = excluded.b + 1, a = t.a + excluded.a "
        + "WHERE t.k > 0 RETURNING a"))
        .isEqualTo("INSERT INTO s.t VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET b = excluded.b + 1, a = "
            + UnconstrainedNumericExpressions.checkedValue("t.a + excluded.a") + " WHERE t.k > 0 RETURNING a");
    assertThat(probes).containsExactly("SELECT b, a FROM s.t LIMIT 0");
  }

  @Test
  void otherStatementsAndConflictsStay() {
    for (String sql : new String[] {"INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "INSERT INTO t VALUES (1)",
        "UPDATE t SET a = 1", "INSERT INTO t SELECT a FROM u WHERE a IN (SELECT 1) ON CONFLICT (k) DO UPDATE SET (a, b) = (1, 2)"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
