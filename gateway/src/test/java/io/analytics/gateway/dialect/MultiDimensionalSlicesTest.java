package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Slices of several dimensions cut each dimension, as PostgreSQL's subscripts of one multi-dimensional array do. */
class MultiDimensionalSlicesTest {
  private static String translate(String sql) {
    return new MultiDimensionalSlices().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void eachFurtherSubscriptCutsTheInnerLists() {
    assertThat(translate("SELECT a[:3], b[:2][:2] FROM arrtest_s"))
        .isEqualTo("SELECT a[:3], list_transform(b[:2], lambda pg_e1: pg_e1[:2]) FROM arrtest_s");
    assertThat(translate("SELECT t.b[2:3][2], f(x)[1:1][1:2][2:] FROM t"))
        .isEqualTo("SELECT list_transform(t.b[2:3], lambda pg_e1: pg_e1[:2]), "
            + "list_transform(f(x)[1:1], lambda pg_e1: list_transform(pg_e1[1:2], lambda pg_e2: pg_e2[2:])) FROM t");
    assertThat(translate("SELECT ARRAY[[1,2],[3,4]][1:1][2:2], (x)[1:2][1]"))
        .isEqualTo("SELECT list_transform(ARRAY[[1,2],[3,4]][1:1], lambda pg_e1: pg_e1[2:2]), list_transform((x)[1:2], lambda pg_e1: pg_e1[:1])");
  }

  @Test
  void elementsSingleSlicesAndTypesStay() {
    for (String sql : new String[] {"SELECT b[1][2], a[2:3], CAST(x AS int[][]) FROM t", "SELECT '{1}'::int[][]", "UPDATE t SET b[1:2][1] = x"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
