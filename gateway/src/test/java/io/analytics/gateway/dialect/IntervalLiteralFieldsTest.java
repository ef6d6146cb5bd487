package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Interval literals naming a field twice are refused with 22007, as PostgreSQL's DecodeInterval refuses them. */
class IntervalLiteralFieldsTest {
  private static String outcome(String sql) {
    return StageOutcome.sqlStateOf(text -> new IntervalLiteralFields().apply(SqlStatement.parse(text)).sql(), sql);
  }

  @Test
  void aFieldNamedTwiceIsRefused() {
    for (String sql : new String[] {"SELECT '1 second 2 seconds'::interval", "SELECT '10 milliseconds 20 milliseconds'::interval",
        "SELECT '1:20:05 5 microseconds'::interval", "SELECT interval '1 day 1 day'", "SELECT CAST('1 hour 2 hrs' AS INTERVAL)",
        "SELECT '1.5 seconds 3 ms'::interval", "SELECT '@ 1 week 2 weeks ago'::interval", "SELECT '1 day 02:00 3 minutes'::interval"}) {
      assertThat(outcome(sql)).as(sql).isEqualTo("22007");
    }
  }

  @Test
  void distinctFieldsAndOtherSpellingsPass() {
    for (String sql : new String[] {"SELECT '1 day 2 hours'::interval", "SELECT interval '1 second 5 milliseconds 3 microseconds'",
        "SELECT '1 week 1 day'::interval", "SELECT '1.0 seconds 3 ms'::interval", "SELECT '-1 day +02:03'::interval", "SELECT '1 day 1 day'", "SELECT 'P1D1D'::interval",
        "SELECT '1 day 1 bogus'::interval", "SELECT '1 day'::interval + '1 day'::interval", "SELECT CAST('1 day' AS text), '1 day 1 day'"}) {
      assertThat(outcome(sql)).as(sql).isEqualTo("none");
    }
  }
}
