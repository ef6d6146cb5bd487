package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** OVERLAPS between two pairs becomes the overlaps macro; VARIADIC ARRAY[...] becomes the call's last arguments. */
class OverlapsAndVariadicTest {
  private static String overlaps(String sql) {
    return new OverlapsPredicate().apply(SqlStatement.parse(sql)).sql();
  }

  private static String variadic(String sql) {
    return new VariadicArrays().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void overlapsOfTwoPairsCallsTheMacro() {
    assertThat(overlaps("SELECT (time '00:00', interval '1 hour') OVERLAPS (f(a, b), t.c) AS x WHERE (a, b) overlaps (c, d)"))
        .isEqualTo("SELECT pg_gateway_overlaps(time '00:00', interval '1 hour', f(a, b), t.c) AS x WHERE pg_gateway_overlaps(a, b, c, d)");
  }

  @Test
  void otherOverlapsFormsStay() {
    for (String sql : new String[] {"SELECT ROW(a, b) OVERLAPS (c, d)", "SELECT (a, b, c) OVERLAPS (c, d)", "SELECT 'x overlaps y'",
        "SELECT overlaps FROM t"}) {
      assertThat(overlaps(sql)).as(sql).isEqualTo(sql);
    }
  }

  @Test
  void variadicArrayConstructorsBecomeArguments() {
    assertThat(variadic("SELECT concat(variadic array[1,2,3]), format('%s, %s', VARIADIC ARRAY['a', f(x, y)])"))
        .isEqualTo("SELECT concat(1,2,3), format('%s, %s', 'a', f(x, y))");
  }

  @Test
  void otherVariadicFormsStay() {
    for (String sql : new String[] {"SELECT concat(variadic NULL::int[])", "SELECT concat(variadic '{1,2}'::int[])",
        "SELECT format('%s', variadic array[1, 2]::text[])", "SELECT concat(variadic array[])", "SELECT format('%s', variadic array[true])"}) {
      assertThat(variadic(sql)).as(sql).isEqualTo(sql);
    }
  }
}
