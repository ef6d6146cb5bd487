package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL array literals stored into list columns are given to DuckDB as list text, by the column DuckDB's binder names. */
class StoredArrayLiteralsTest {
  private final List<String> probed = new ArrayList<>();

  /** A probe answering these types for the parameters $1, $2, ... it is asked about. */
  private StoredArrayLiterals stage(String... types) {
    return new StoredArrayLiterals(sql -> {
      probed.add(sql);
      return List.of(types);
    });
  }

  private String applied(StoredArrayLiterals stage, String sql) {
    return stage.apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void arrayLiteralsInListColumnsBecomeListText() {
    assertThat(applied(stage("INTEGER[]", "VARCHAR[][]", "DOUBLE[]"),
        "INSERT INTO t (f1, f2, f3) VALUES ('{1,2,3,4}','{{grey,red},{blue,\"it''s\"}}','{1.6, 0.0}')"))
        .isEqualTo("INSERT INTO t (f1, f2, f3) VALUES ('[1, 2, 3, 4]','[[''grey'', ''red''], [''blue'', ''it\\''s'']]','[1.6, 0.0]')");
    assertThat(probed).containsExactly("INSERT INTO t (f1, f2, f3) VALUES ($1,$2,$3)");
    assertThat(applied(stage("SMALLINT[]"), "UPDATE t SET a = '{}' WHERE id = 1")).isEqualTo("UPDATE t SET a = '[]' WHERE id = 1");
    assertThat(applied(stage("BOOLEAN[]", "VARCHAR"), "INSERT INTO t VALUES ('{t,NULL}', '{not,a,list}')"))
        .isEqualTo("INSERT INTO t VALUES ('[t, NULL]', '{not,a,list}')");
  }

  @Test
  void boundsOfOneAreDroppedOtherBoundsAreRefused() {
    assertThat(applied(stage("INTEGER[]"), "INSERT INTO t VALUES ('[1:3]={1,2,3}')")).isEqualTo("INSERT INTO t VALUES ('[1, 2, 3]')");
    assertThat(StageOutcome.sqlStateOf(sql -> applied(stage("SMALLINT[]"), sql), "INSERT INTO t VALUES ('[0:4]={1,2,3,4,5}')"))
        .isEqualTo("0A000");
  }

  @Test
  void moreDimensionsThanTheColumnHoldsAreRefusedAndMalformedArraysAre22P02() {
    assertThat(StageOutcome.sqlStateOf(sql -> applied(stage("VARCHAR[]"), sql), "INSERT INTO t VALUES ('{{a,b},{c,d}}')"))
        .isEqualTo("0A000");
    assertThat(StageOutcome.sqlStateOf(sql -> applied(stage("INTEGER[]"), sql), "INSERT INTO t VALUES ('{1,2')"))
        .isEqualTo("22P02");
  }

  @Test
  void otherStatementsAndTextsCostNoProbe() {
    for (String sql : new String[] {"INSERT INTO t VALUES (1, 'abc', '[1,2]')", "SELECT '{1,2}'", "INSERT INTO t SELECT '{1}'",
        "DELETE FROM t WHERE a = '{1}'"}) {
      assertThat(applied(stage("INTEGER[]", "INTEGER[]", "INTEGER[]"), sql)).as(sql).isEqualTo(sql);
    }
    assertThat(probed).isEmpty();
  }
}
