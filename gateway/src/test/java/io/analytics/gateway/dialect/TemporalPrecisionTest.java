package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/**
 * Date/time types with a precision: microseconds (6) are DuckDB's own and the precision goes; fewer digits round a
 * timestamp cast, are checked in a timestamp column, and are refused where the gateway cannot keep them.
 */
class TemporalPrecisionTest {
  private static String cast(String sql) {
    return new TemporalPrecisionCasts().apply(SqlStatement.parse(sql)).sql();
  }

  private static String ddl(String sql) {
    return PgDdl.translate(SqlStatement.parse(sql)).sql();
  }

  @Test
  void microsecondsAreDuckDbsOwnPrecision() {
    assertThat(cast("select x::timestamp(6), CAST(y AS timestamp(6) with time zone), z::time(6) without time zone, w::timestamptz(9)"))
        .isEqualTo("select x::TIMESTAMP, CAST(y AS TIMESTAMP WITH TIME ZONE), z::TIME, w::TIMESTAMP WITH TIME ZONE");
    assertThat(ddl("create table t (a timestamp(6) with time zone, b time(6), c timestamptz(6) not null)"))
        .isEqualTo("create table t (a TIMESTAMP WITH TIME ZONE, b TIME, c TIMESTAMP WITH TIME ZONE not null)");
    assertThat(ddl("alter table t add column d timestamp(6)")).isEqualTo("alter table t add column d TIMESTAMP");
  }

  @Test
  void aTimestampCastToFewerDigitsRoundsItsOperandOnce() {
    String rounded = cast("select now()::timestamp(0)");
    assertThat(rounded).startsWith("select list_transform([CAST(now() AS TIMESTAMP)], lambda v: CASE WHEN NOT isfinite(v) THEN v")
        .contains("make_timestamp((((epoch_us(v) - 946684800000000) + 500000) // 1000000) * 1000000 + 946684800000000)").endsWith(")[1]");
    assertThat(cast("select cast(t.ts as timestamp(2) with time zone) from t"))
        .startsWith("select list_transform([CAST(t.ts AS TIMESTAMP WITH TIME ZONE)], ")
        .contains("+ 5000) // 10000) * 10000 + 946684800000000) AT TIME ZONE 'UTC'").endsWith(")[1] from t");
  }

  @Test
  void whatCannotBeKeptIsRefused() {
    assertThat(StageOutcome.sqlStateOf(TemporalPrecisionTest::cast, "select '10:00:00.123'::time(2)")).isEqualTo("0A000");
    assertThat(StageOutcome.sqlStateOf(TemporalPrecisionTest::ddl, "create table t (a time(2))")).isEqualTo("0A000");
    assertThat(StageOutcome.sqlStateOf(TemporalPrecisionTest::ddl, "alter table t add column b timestamp(0)")).isEqualTo("0A000");
    assertThat(StageOutcome.sqlStateOf(TemporalPrecisionTest::ddl, "alter table t alter column b type timestamp(3)")).isEqualTo("0A000");
  }

  @Test
  void aTimestampColumnOfFewerDigitsChecksItsValues() {
    assertThat(ddl("create table t (id int, b timestamp(0) without time zone not null)"))
        .startsWith("create table t (id int, b TIMESTAMP CHECK (CASE WHEN b IS NULL OR NOT isfinite(b) OR epoch_us(b) % 1000000 = 0 THEN true ")
        .contains("error('[0A000] ").endsWith(" not null)");
  }

  @Test
  void otherUsesOfTheWordsAreLeftAlone() {
    for (String sql : new String[] {"select time, timestamp from t", "select x::timestamp, cast(y as time) from t", "select now()"}) {
      assertThat(cast(sql)).as(sql).isEqualTo(sql);
    }
  }
}
