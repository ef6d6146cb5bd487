package io.analytics.gateway.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordered answers differing only in the order of ties are the same; anything else still differs. */
class TieGroupsTest {
  private static final List<String> COLUMNS = List.of("depname:text", "empno:int4", "salary:int4");
  private static final String SQL = "SELECT depname, empno, salary FROM empsalary ORDER BY depname, salary";

  @Test
  void tiesMayComeInAnyOrder() {
    assertThat(TieGroups.sameUpToTies(SQL, COLUMNS, rows("d,1,10", "d,2,10", "e,3,5"), rows("d,2,10", "d,1,10", "e,3,5"))).isTrue();
    assertThat(TieGroups.sameUpToTies(SQL.replace("depname, salary", "1, 3 DESC NULLS LAST"), COLUMNS,
        rows("d,1,10", "d,2,10"), rows("d,2,10", "d,1,10"))).isTrue();
  }

  @Test
  void rowsOutOfKeyOrderOrOrderByExpressionsAreNotTies() {
    assertThat(TieGroups.sameUpToTies(SQL, COLUMNS, rows("d,1,10", "d,2,20"), rows("d,2,20", "d,1,10"))).isFalse();
    assertThat(TieGroups.sameUpToTies(SQL.replace("depname, salary", "depname, salary + 1"), COLUMNS,
        rows("d,1,10", "d,2,10"), rows("d,2,10", "d,1,10"))).isFalse();
    assertThat(TieGroups.sameUpToTies(SQL.replace("depname, salary", "empno % 2"), COLUMNS,
        rows("d,1,10", "d,2,10"), rows("d,2,10", "d,1,10"))).isFalse();
  }

  private static List<List<String>> rows(String... rows) {
    return java.util.Arrays.stream(rows).map(row -> List.of(row.split(","))).toList();
  }
}
