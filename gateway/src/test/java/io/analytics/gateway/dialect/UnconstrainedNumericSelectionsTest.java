package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT ... SELECT checks, by position, the values headed for a numeric column without precision. */
class UnconstrainedNumericSelectionsTest {
  private final List<String> probes = new ArrayList<>();

  /** Target tables have (a DECIMAL(38,10), b INTEGER); queries have two columns. */
  private String translate(String sql) {
    UnconstrainedNumericSelections stage = new UnconstrainedNumericSelections(probe -> {
      probes.add(probe);
      if (probe.startsWith("SELECT b FROM")) {
        return List.of("INTEGER");
      }
      return probe.contains("pg_inserted") ? List.of("DECIMAL(20,15)", "INTEGER") : List.of("DECIMAL(38,10)", "INTEGER");
    });
    return stage.apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void valuesForAnUnconstrainedColumnAreCheckedByPosition() {
    assertThat(translate("INSERT INTO s.t SELECT x, y FROM src WHERE y > 0 RETURNING a"))
        .isEqualTo("INSERT INTO s.t SELECT " + UnconstrainedNumericExpressions.checkedValue("#1") + ", #2 FROM (SELECT x, y FROM src "
            + "WHERE y > 0) pg_inserted RETURNING a");
    assertThat(probes).containsExactly("SELECT * FROM s.t LIMIT 0", "SELECT * FROM (SELECT x, y FROM src WHERE y > 0) pg_inserted LIMIT 0");
  }

  @Test
  void theColumnListNamesTheTargetsAndConflictClausesStayOutside() {
    assertThat(translate("INSERT INTO t (a, b) WITH q AS (SELECT 1) SELECT x, y FROM q ON CONFLICT DO NOTHING"))
        .startsWith("INSERT INTO t (a, b) SELECT " + UnconstrainedNumericExpressions.checkedValue("#1"))
        .endsWith(" FROM (WITH q AS (SELECT 1) SELECT x, y FROM q) pg_inserted ON CONFLICT DO NOTHING");
    assertThat(probes.get(0)).isEqualTo("SELECT a, b FROM t LIMIT 0");
  }

  @Test
  void otherStatementsAndTablesWithoutSuchColumnsStay() {
    for (String sql : new String[] {"INSERT INTO t VALUES (1.5, 2)", "INSERT INTO t (b) SELECT 1", "SELECT * FROM t",
        "INSERT INTO t DEFAULT VALUES"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
