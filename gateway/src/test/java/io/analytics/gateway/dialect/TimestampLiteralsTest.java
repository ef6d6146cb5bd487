package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/**
 * Timestamps read as PostgreSQL 15 reads them (each expected value is PostgreSQL's answer with TimeZone UTC, from the
 * regression tests' inputs), and the literals DuckDB then gets.
 */
class TimestampLiteralsTest {
  private static final PgTimestampInput TIMESTAMP = new PgTimestampInput(PgDateInput.Order.MDY, false);
  private static final PgTimestampInput TIMESTAMPTZ = new PgTimestampInput(PgDateInput.Order.MDY, true);

  private static String timestamp(String text) {
    return TIMESTAMP.read(text).orElseThrow().sql(false);
  }

  private static String timestamptz(String text) {
    return TIMESTAMPTZ.read(text).orElseThrow().sql(true);
  }

  private static String translate(String sql) {
    return DateLiterals.forDateStyle("ISO, MDY").apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void postgresOutputStyleAndOtherFormsAreRead() {
    assertThat(timestamp("Mon Feb 10 17:32:01 1997 PST")).isEqualTo("'1997-02-10 17:32:01'");
    assertThat(timestamptz("Mon Feb 10 17:32:01 1997 PST")).isEqualTo("'1997-02-11 01:32:01+00'");
    assertThat(timestamptz("Feb 10 17:32:01 1997 PST")).isEqualTo("'1997-02-11 01:32:01+00'");
    assertThat(timestamptz("1997.041 17:32:01 UTC")).isEqualTo("'1997-02-10 17:32:01+00'");
    assertThat(timestamp("2001-09-22T18:19:20")).isEqualTo("'2001-09-22 18:19:20'");
    assertThat(timestamptz("2000-01-01T12:00:00Z")).isEqualTo("'2000-01-01 12:00:00+00'");
    assertThat(timestamp("J2450000")).isEqualTo("'1995-10-09 00:00:00'");
    assertThat(timestamptz("J2451545 12:00")).as("without a zone, DuckDB reads it in the session's").isEqualTo("'2000-01-01 12:00:00'");
    assertThat(timestamptz("19970210 173201 -0800")).isEqualTo("'1997-02-11 01:32:01+00'");
    assertThat(timestamptz("Feb 10 5:32PM 1997")).isEqualTo("'1997-02-10 17:32:00'");
    assertThat(timestamptz("1997-02-10 17:32:01 -08:00")).isEqualTo("'1997-02-11 01:32:01+00'");
    assertThat(timestamp("1999-12-31 24:00:00")).isEqualTo("'2000-01-01 00:00:00'");
    assertThat(timestamp("2000-01-01 12:00:60")).isEqualTo("'2000-01-01 12:01:00'");
    assertThat(timestamp("2000-01-01 allballs")).isEqualTo("'2000-01-01 00:00:00'");
    assertThat(timestamptz("20011227 040506.789-08")).isEqualTo("'2001-12-27 12:05:06.789+00'");
    assertThat(timestamptz("20011227T040506-08")).isEqualTo("'2001-12-27 12:05:06+00'");
    assertThat(timestamptz("J2452271.5-08")).isEqualTo("'2001-12-27 20:00:00+00'");
    assertThat(timestamptz("J2452271T040506-08")).isEqualTo("'2001-12-27 12:05:06+00'");
    assertThat(timestamptz("J2452271-08")).isEqualTo("'2001-12-27 08:00:00+00'");
    assertThat(timestamptz("Sat Mar 12 23:58:48 100000 IST")).isEqualTo("'100000-03-12 21:58:48+00'");
    assertThat(timestamptz("100000312 23:58:48 IST")).isEqualTo("'10000-03-12 21:58:48+00'");
    assertThat(timestamptz("1000000312 23:58:48 IST")).isEqualTo("'100000-03-12 21:58:48+00'");
  }

  @Test
  void zonesAreAbbreviationsNamesPosixSpecificationsAndOffsets() {
    assertThat(timestamptz("2000-03-15 08:14:01 GMT+8")).isEqualTo("'2000-03-15 16:14:01+00'");
    assertThat(timestamptz("2000-03-15 02:14:05 MST+7:00")).isEqualTo("'2000-03-15 09:14:05+00'");
    assertThat(timestamptz("2000-01-01 12:00 MSK")).isEqualTo("'2000-01-01 09:00:00+00'");
    assertThat(timestamptz("2000-01-01 12:00 Japan")).isEqualTo("'2000-01-01 03:00:00+00'");
    assertThat(timestamptz("1997-02-10 17:32:01 America/New_York")).isEqualTo("'1997-02-10 22:32:01+00'");
    assertThat(timestamptz("2000-07-01 12:00 PST8PDT")).isEqualTo("'2000-07-01 19:00:00+00'");
    assertThat(timestamptz("Jan 1 2000 12:00 PDT")).isEqualTo("'2000-01-01 19:00:00+00'");
    assertThat(timestamptz("2000-01-01 12:00 z")).isEqualTo("'2000-01-01 12:00:00+00'");
    assertThat(timestamptz("2011-03-27 02:00:00 MSK")).isEqualTo("'2011-03-26 22:00:00+00'");
    assertThat(timestamptz("2011-03-27 01:59:59 MSK")).isEqualTo("'2011-03-26 22:59:59+00'");
    assertThat(timestamptz("2010-07-01 12:00 MSK")).isEqualTo("'2010-07-01 09:00:00+00'");
    assertThat(timestamptz("2014-10-26 01:00:00 MSK")).isEqualTo("'2014-10-25 22:00:00+00'");
    assertThat(timestamptz("2014-10-26 00:59:59 MSK")).isEqualTo("'2014-10-25 20:59:59+00'");
    assertThat(timestamptz("2014-10-26 01:00:00 Europe/Moscow")).isEqualTo("'2014-10-25 22:00:00+00'");
    assertThat(timestamptz("2014-10-26 00:59:59 Europe/Moscow")).isEqualTo("'2014-10-25 20:59:59+00'");
    assertThat(timestamptz("2011-03-27 02:30:00 Europe/Moscow")).isEqualTo("'2011-03-26 23:30:00+00'");
    assertThat(timestamptz("2010-07-01 12:00 AZST")).isEqualTo("'2010-07-01 07:00:00+00'");
    assertThat(timestamptz("2010-01-01 12:00 AZST")).isEqualTo("'2010-01-01 08:00:00+00'");
    assertThat(timestamp("2000-03-15 08:14:01 GMT+8")).as("a timestamp ignores the zone").isEqualTo("'2000-03-15 08:14:01'");
  }

  @Test
  void fractionsBeyondMicrosecondsAreRoundedAsPostgresRoundsThem() {
    assertThat(timestamp("2000-01-01 00:00:00.9999995")).isEqualTo("'2000-01-01 00:00:01'");
    assertThat(timestamp("2000-01-01 00:00:00.1234565")).isEqualTo("'2000-01-01 00:00:00.123456'");
    assertThat(timestamp("2000-01-01 00:00:00.1234575")).isEqualTo("'2000-01-01 00:00:00.123458'");
  }

  @Test
  void specialValuesStayRelativeToTheStatementsMoment() {
    assertThat(timestamp("today")).isEqualTo("CAST(current_date AS TIMESTAMP)");
    assertThat(timestamp("tomorrow EST")).isEqualTo("CAST(current_date + 1 AS TIMESTAMP)");
    assertThat(timestamptz("tomorrow EST")).isEqualTo("timezone('UTC', CAST(current_date + 1 AS TIMESTAMP) - INTERVAL '-18000 seconds')");
    assertThat(timestamptz("yesterday")).isEqualTo("CAST(CAST(current_date - 1 AS TIMESTAMP) AS TIMESTAMP WITH TIME ZONE)");
    assertThat(timestamp("today 10:00")).isEqualTo("(CAST(current_date AS TIMESTAMP) + INTERVAL '36000000000 microseconds')");
    assertThat(timestamp("now")).isEqualTo("CAST(current_timestamp AS TIMESTAMP)");
    assertThat(timestamptz("now")).isEqualTo("current_timestamp");
    assertThat(timestamp("epoch")).isEqualTo("'1970-01-01 00:00:00'");
    assertThat(timestamptz("epoch")).isEqualTo("'1970-01-01 00:00:00+00'");
    assertThat(timestamptz("-infinity")).isEqualTo("'-infinity'");
    assertThat(timestamptz("1995-08-06 epoch")).as("PostgreSQL 15 ignores what comes before").isEqualTo("'1970-01-01 00:00:00+00'");
    assertThat(timestamptz("now epoch")).isEqualTo("'1970-01-01 00:00:00+00'");
    assertThat(timestamptz("epoch now")).isEqualTo("current_timestamp");
    assertThat(timestamp("infinity 01:01:01")).isEqualTo("'infinity'");
    assertThat(timestamptz("epoch EST")).isEqualTo("'1970-01-01 00:00:00+00'");
  }

  @Test
  void timestampsBeforeCommonEraBecomeTheirDatePlusTheirTime() {
    assertThat(translate("SELECT '4714-11-24 00:00:00 BC'::timestamp, timestamp '1999-01-08 04:05:06.5 BC'"))
        .isEqualTo("SELECT (CAST(DATE '4714-11-24 (BC)' + TIME '00:00:00' AS TIMESTAMP))::timestamp, "
            + "CAST(CAST(DATE '1999-01-08 (BC)' + TIME '04:05:06.5' AS TIMESTAMP) AS TIMESTAMP)");
    assertThat(timestamptz("1997-02-10 17:32:01.5 -08 bc"))
        .isEqualTo("timezone('UTC', CAST(DATE '1997-02-11 (BC)' + TIME '01:32:01.5' AS TIMESTAMP))");
  }

  @Test
  void everySpellingOfATimestampTypeIsTranslated() {
    assertThat(translate("SELECT timestamp with time zone 'Feb 10 1997 PST', CAST('J2450000' AS timestamp(2) without time zone), "
        + "('epoch')::timestamptz, timestamp 'now', '1997-01-02 03:04:05'::timestamp, 'x'::text"))
        .isEqualTo("SELECT timestamp with time zone '1997-02-10 08:00:00+00', CAST('1995-10-09 00:00:00' AS timestamp(2) without time zone), "
            + "('1970-01-01 00:00:00+00')::timestamptz, CAST(CAST(current_timestamp AS TIMESTAMP) AS TIMESTAMP), '1997-01-02 03:04:05'::timestamp, 'x'::text");
  }

  @Test
  void inputPostgresRefusesIsRefusedWithItsStateAtTheLiteral() {
    assertRefused("SELECT 'abc'::timestamp", SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp: \"abc\"");
    assertRefused("SELECT '2000-01-01 12:00 foo'::timestamptz", SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type timestamp with time zone: \"2000-01-01 12:00 foo\"");
    assertRefused("SELECT timestamp '2000-01-01 25:00'", SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"2000-01-01 25:00\"");
    assertRefused("SELECT '2000-01-01 12:00:61'::timestamp", SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range");
    assertRefused("SELECT '2000-01-01 12:00 Foo/Bar'::timestamptz", SqlState.INVALID_PARAMETER_VALUE, "time zone \"foo/bar\" not recognized");
    assertRefused("SELECT 'now EST'::timestamptz", SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax");
    assertRefused("SELECT '2000-01-01 13:00 pm'::timestamp", SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range");
    assertRefused("SELECT '4714-11-23 23:59:59 BC'::timestamp", SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    assertRefused("SELECT '1997-02-10 17:32:01 -0800 PST'::timestamp", SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax");
    assertRefused("SELECT 'Mar 12 100000'::timestamptz", SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax");
    assertRefused("SELECT 'epoch 1995-08-06'::timestamptz", SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax");
    assertRefused("SELECT 'now 01:01:01'::timestamptz", SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax");
  }

  private static void assertRefused(String sql, SqlState state, String message) {
    assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.sqlState()).isEqualTo(state);
      assertThat(e.getMessage()).startsWith(message);
      assertThat(e.position()).isEqualTo(sql.indexOf('\'') + 1);
    });
  }
}
