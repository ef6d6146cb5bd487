package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Array literals cast to an array type become DuckDB lists; multi-dimensional ones are refused (0A000), malformed ones 22P02. */
class ArrayLiteralsTest {
  private static String translate(String sql) {
    return new ArrayLiterals().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void oneDimensionIsAList() {
    assertThat(translate("select '{1,2,NULL}'::int[]")).isEqualTo("select '[1, 2, NULL]'::int[]");
    assertThat(translate("select CAST('{a,\"b c\"}' AS text[])")).isEqualTo("select CAST('[''a'', ''b c'']' AS text[])");
  }

  @Test
  void multiDimensionalLiteralsAreRefused() {
    for (String sql : new String[] {"select '{{1,2},{3,4}}'::int[]", "select ' { { \",\" } , { 3 } }'::text[]", "select '{{1}}'::int[][]"}) {
      assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("0A000");
    }
  }

  @Test
  void subArraysOfDifferentShapesOrEmptyOnesAreMalformed() {
    for (String sql : new String[] {"select '{{1,{2}},{2,3}}'::text[]", "select '{{},{}}'::text[]", "select '{{1},{2,3}}'::int[]",
        "select '{1,{2}}'::int[]", "select '{{1},2}'::int[]"}) {
      assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22P02");
    }
  }
}
