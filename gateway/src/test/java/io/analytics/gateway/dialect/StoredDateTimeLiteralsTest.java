package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date and timestamp literals stored into DATE and TIMESTAMP columns are read as PostgreSQL reads them, by the column DuckDB's binder names. */
class StoredDateTimeLiteralsTest {
  private final List<String> probed = new ArrayList<>();

  /** A probe answering these types for the parameters $1, $2, ... it is asked about. */
  private StoredDateTimeLiterals stage(String... types) {
    return new StoredDateTimeLiterals(sql -> {
      probed.add(sql);
      return List.of(types);
    });
  }

  @Test
  void dateColumnsGetTheDatePostgresReads() {
    assertThat(stage("DATE", "VARCHAR").apply(SqlStatement.parse("INSERT INTO t VALUES (1, '01/02/03', '01/02/03')"), "ISO, MDY").sql())
        .isEqualTo("INSERT INTO t VALUES (1, '2003-01-02', '01/02/03')");
    assertThat(probed).containsExactly("INSERT INTO t VALUES (1, $1, $2)");
    assertThat(stage("DATE").apply(SqlStatement.parse("UPDATE t SET d = '2040-04-10 BC' WHERE id = 1"), "ISO, DMY").sql())
        .isEqualTo("UPDATE t SET d = '2040-04-10 (BC)' WHERE id = 1");
    assertThat(stage("DATE").apply(SqlStatement.parse("INSERT INTO t VALUES ('01/02/03')"), "ISO, DMY").sql())
        .isEqualTo("INSERT INTO t VALUES ('2003-02-01')");
  }

  @Test
  void aNumericDatePostgresRefusesIsRefusedInADateColumnOnly() {
    assertThat(StageOutcome.sqlStateOf(sql -> stage("DATE").apply(SqlStatement.parse(sql), "ISO, MDY").sql(),
        "INSERT INTO t VALUES ('99-01-08')")).isEqualTo("22008");
    assertThat(stage("VARCHAR").apply(SqlStatement.parse("INSERT INTO t VALUES ('99-01-08')"), "ISO, MDY").sql())
        .isEqualTo("INSERT INTO t VALUES ('99-01-08')");
  }

  @Test
  void isoTextsAndOtherStatementsCostNoProbe() {
    for (String sql : new String[] {"INSERT INTO t VALUES ('2003-01-02', '2003-01-02 10:00:00', 'abc', 'user1')",
        "SELECT '01/02/03'", "INSERT INTO t SELECT '01/02/03'", "DELETE FROM t WHERE d = '01/02/03'"}) {
      assertThat(stage("DATE", "DATE", "DATE", "DATE").apply(SqlStatement.parse(sql), "ISO, MDY").sql()).as(sql).isEqualTo(sql);
    }
    assertThat(probed).isEmpty();
  }

  @Test
  void timestampColumnsGetTheTimestampPostgresReads() {
    assertThat(stage("TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "VARCHAR").apply(SqlStatement.parse(
        "INSERT INTO t VALUES ('Mon Feb 10 17:32:01 1997 PST', 'Mon Feb 10 17:32:01 1997 PST', 'Mon Feb 10 17:32:01 1997 PST')"), "ISO, MDY").sql())
        .isEqualTo("INSERT INTO t VALUES ('1997-02-10 17:32:01', '1997-02-11 01:32:01+00', 'Mon Feb 10 17:32:01 1997 PST')");
    assertThat(stage("TIMESTAMP", "TIMESTAMP").apply(SqlStatement.parse("INSERT INTO t VALUES ('tomorrow EST', '1997-02-10 17:32:01-08')"), "ISO, MDY").sql())
        .isEqualTo("INSERT INTO t VALUES ((CAST(current_date + 1 AS TIMESTAMP)), '1997-02-10 17:32:01')");
    assertThat(stage("TIMESTAMP WITH TIME ZONE").apply(SqlStatement.parse("UPDATE t SET d = 'epoch' WHERE id = 1"), "ISO, MDY").sql())
        .isEqualTo("UPDATE t SET d = '1970-01-01 00:00:00+00' WHERE id = 1");
  }

  @Test
  void aTimestampPostgresRefusesIsRefusedInATimestampColumnOnly() {
    assertThat(StageOutcome.sqlStateOf(sql -> stage("TIMESTAMP").apply(SqlStatement.parse(sql), "ISO, MDY").sql(),
        "INSERT INTO t VALUES ('2000-01-01 25:00')")).isEqualTo("22008");
    assertThat(stage("VARCHAR").apply(SqlStatement.parse("INSERT INTO t VALUES ('2000-01-01 25:00')"), "ISO, MDY").sql())
        .isEqualTo("INSERT INTO t VALUES ('2000-01-01 25:00')");
  }

  @Test
  void aFractionStoredIntoATimestampOfFewerDigitsIsRoundedAsPostgresRoundsIt() {
    List<String> catalog = new ArrayList<>();
    StoredDateTimeLiterals stage = new StoredDateTimeLiterals(sql -> List.of("TIMESTAMP", "TIMESTAMP WITH TIME ZONE"), query -> {
      catalog.add(query);
      return query.contains("duckdb_constraints") ? List.of("CHECK(CASE  WHEN (((d1 IS NULL) OR (NOT isfinite(d1)) OR ((epoch_us(d1) % 10000) = 0))) "
          + "THEN (true) ELSE \"error\"('x') END)") : List.of("d1", "d2");
    });
    assertThat(stage.apply(SqlStatement.parse("INSERT INTO TIMESTAMP_TBL VALUES ('Mon Feb 10 17:32:01.999999 1997 PST', 'Feb 10 17:32:01.999999 1997 PST')"),
        "ISO, MDY").sql()).isEqualTo("INSERT INTO TIMESTAMP_TBL VALUES ('1997-02-10 17:32:02', '1997-02-11 01:32:01.999999+00')");
    assertThat(stage.apply(SqlStatement.parse("INSERT INTO timestamp_tbl (d2, d1) VALUES ('Feb 10 17:32:01.125 1997', 'Feb 10 17:32:01.125 1997')"),
        "ISO, MDY").sql()).isEqualTo("INSERT INTO timestamp_tbl (d2, d1) VALUES ('1997-02-10 17:32:01.125', '1997-02-10 17:32:01.12')");
    assertThat(stage.apply(SqlStatement.parse("UPDATE timestamp_tbl SET d1 = 'Dec 31 23:59:59.995 1999' WHERE true"), "ISO, MDY").sql())
        .isEqualTo("UPDATE timestamp_tbl SET d1 = '1999-12-31 23:59:59.99' WHERE true");
    assertThat(catalog).allMatch(query -> query.contains("'timestamp_tbl'"));
  }
}
