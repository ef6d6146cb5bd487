package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** The json stages: casts to json(b) and the json operators become calls, with PostgreSQL's operands. */
class JsonDialectStagesTest {
  @Test
  void castsToJsonbAndJsonBecomeCallsThatCheckAndNormalize() {
    assertThat(casts("SELECT '{\"a\":1}'::jsonb, CAST(x AS json), jsonb '[1]', t.c::jsonb FROM t"))
        .isEqualTo("SELECT pg_to_jsonb('{\"a\":1}'), pg_to_json(x), pg_to_jsonb('[1]'), pg_to_jsonb(t.c) FROM t");
    assertThat(casts("SELECT f(x)::text::jsonb, '1'::jsonb::text")).isEqualTo("SELECT pg_to_jsonb(f(x)::text), pg_to_jsonb('1')::text");
  }

  @Test
  void columnTypesArraysAndQualifiedNamesAreNotCasts() {
    String sql = "CREATE TABLE t (j jsonb, a jsonb[], b json); SELECT '{}'::jsonb[], s.json FROM s";
    assertThat(casts(sql)).isEqualTo(sql);
  }

  @Test
  void operatorsTakeTheirOperandsByPostgresPrecedence() {
    assertThat(operators("SELECT j -> 'a' ->> 'b' = 'x' FROM t"))
        .isEqualTo("SELECT pg_op_get_text(pg_op_get(j, 'a'), 'b') = 'x' FROM t");
    assertThat(operators("SELECT t.j #> '{a,1}', j #>> array['a'], j -> 1 + 2 FROM t"))
        .isEqualTo("SELECT pg_op_path(t.j, '{a,1}'), pg_op_path_text(j, array['a']), pg_op_get(j, 1 + 2) FROM t");
    assertThat(operators("SELECT * FROM t WHERE j ? 'a' AND j ?| array['b'] OR NOT j ?& x.keys"))
        .isEqualTo("SELECT * FROM t WHERE pg_op_exists(j, 'a') AND pg_op_exists_any(j, array['b']) OR NOT pg_op_exists_all(j, x.keys)");
    assertThat(operators("SELECT (f(j)::json)->'a', a || b -> 'c', j->-1 FROM t"))
        .isEqualTo("SELECT pg_op_get((f(j)::json), 'a'), pg_op_get(a || b, 'c'), pg_op_get(j, -1) FROM t");
  }

  @Test
  void containmentBecomesACallThatKeepsArrays() {
    assertThat(operators("SELECT a @> b, c <@ d, j #- '{a}' FROM t"))
        .isEqualTo("SELECT pg_op_contains(a, b), pg_op_contained(c, d), pg_op_delete_path(j, '{a}') FROM t");
  }

  @Test
  void concatenationAndMinusAreJsonbOnlyWhenAnOperandIsWrittenAsJsonb() {
    assertThat(operators("SELECT pg_to_jsonb('[1]') || '[2]', '[0]' || to_jsonb(x), pg_to_jsonb('{}') - 'a' FROM t"))
        .isEqualTo("SELECT pg_op_concat(pg_to_jsonb('[1]'), '[2]'), pg_op_concat('[0]', to_jsonb(x)), pg_op_minus(pg_to_jsonb('{}'), 'a') FROM t");
    String text = "SELECT 'a' || b, x - 1, -y, d - interval '1 day', jsonb_typeof(j) || 'x' FROM t";
    assertThat(operators(text)).isEqualTo(text);
  }

  @Test
  void placeholdersAreNotOperators() {
    String sql = "SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?";
    assertThat(operators(sql)).isEqualTo(sql);
  }

  private static String casts(String sql) {
    return new JsonCasts().apply(SqlStatement.parse(sql)).sql();
  }

  private static String operators(String sql) {
    return new JsonOperators().apply(SqlStatement.parse(sql)).sql();
  }
}
