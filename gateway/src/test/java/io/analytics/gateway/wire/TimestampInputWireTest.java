package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.JdbcAnswer;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timestamp and timestamptz input in the forms PostgreSQL's regression tests write it (its own output style with a zone
 * abbreviation, Julian days, ISO with T, POSIX zones, BC, special values, fractions rounded past microseconds), as
 * literals, casts and values stored by INSERT and UPDATE: through pgjdbc over both protocols, the same values, types,
 * column names and errors as PostgreSQL 15, in a session whose TimeZone is not UTC.
 */
class TimestampInputWireTest {
  private static final String DATABASE = "timestamp_input";
  private static final List<String> INPUTS = List.of(
      "Mon Feb 10 17:32:01 1997 PST", "Mon Feb 10 17:32:01.000001 1997 PST", "Feb 10 17:32:01 1997 -0800", "1997.041 17:32:01 UTC",
      "2001-09-22T18:19:20", "J2450000", "2000-03-15 08:14:01 GMT+8", "2000-03-15 02:14:05 MST+7:00", "19970210 173201 -0800",
      "Feb 10 5:32PM 1997", "1997-02-10 17:32:01 -08:00", "2000-01-01 00:00:00.9999995", "1999-12-31 24:00:00", "epoch",
      "infinity", "-infinity", "2000-01-01 12:00 MSK", "1997-06-10 17:32:01 America/New_York",
      "1997-02-10 17:32:01 zulu", "1997-02-10", "2000-07-01 12:00", "2020-01-01 10:00:00.123456789+05:30", "2020-01-01T10:00:00.000Z",
      "2020-01-01 10:00:00 +0530", "2020-1-1 1:2:3", " 2020-01-01 ", "2020-01-01 10:00:00 Europe/Berlin",
      "2020-01-01 10:00:00.5 America/Argentina/Buenos_Aires", "2020-01-01 10:00:00-03:30", "Jan 1, 2020 10:00 AM", "2020/01/01 10:00:00",
      "01/02/2020 10:00", "January 8, 1999 04:05:06 PST", "2020-12-31 23:59:60", "2020-01-01 12:00:00 pm", "Wednesday, 01-Jan-20 10:00",
      "Wed, 01 Jan 2020 10:00", "10:00 Jan 1 2020");
  private static final List<String> REFUSED = List.of(
      "2000-01-01 25:00", "2000-01-01 12:00 foo", "2000-01-01 12:00 Foo/Bar", "now EST", "2000-01-01 13:00 pm", "4714-11-22 23:59:59 BC", "Mon 1997-02-10 10:00",
      "10:00 2020-01-01");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void literalsAndCastsAnswerAsPostgres() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = postgres.connect(simple); Connection gw = gateway.connect(simple)) {
        for (String sql : List.of("SET TimeZone = 'PST8PDT'", "SET DateStyle = 'ISO, MDY'")) {
          JdbcAnswer.of(pg, sql);
          JdbcAnswer.of(gw, sql);
        }
        for (String input : INPUTS) {
          String sql = "SELECT '" + input + "'::timestamp, CAST('" + input + "' AS timestamp with time zone), timestamptz '" + input
              + "' AS typed, timestamp without time zone '" + input + "' AS plain";
          assertSame(gw, pg, sql, simple);
        }
        // Before 1 AD a timestamptz is written in the zone's local mean time by Java's time zone rules, unlike PostgreSQL's.
        assertSame(gw, pg, "SELECT 'Feb 16 17:32:01 0097 BC'::timestamp, timestamp '0097-02-16 17:32:01.5 BC' AS typed", simple);
        assertSame(gw, pg, "SELECT 'today'::timestamp = date_trunc('day', now()::timestamp) AS today, "
            + "'tomorrow EST'::timestamptz = (date_trunc('day', now()::timestamp) + interval '1 day') AT TIME ZONE 'EST' AS tomorrow, "
            + "timestamp 'yesterday' = date_trunc('day', now()::timestamp) - interval '1 day' AS yesterday, "
            + "'now'::timestamptz = now() AS now", simple);
        for (String input : REFUSED) {
          assertSame(gw, pg, "SELECT '" + input + "'::timestamptz", simple);
          assertSame(gw, pg, "SELECT timestamp '" + input + "'", simple);
        }
      }
    }
  }

  @Test
  void storedValuesAnswerAsPostgres() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = postgres.connect(simple); Connection gw = gateway.connect(simple)) {
        for (String sql : List.of("SET TimeZone = 'PST8PDT'", "DROP TABLE IF EXISTS moments",
            "CREATE TABLE moments (id int, plain timestamp, zoned timestamptz, note text)")) {
          JdbcAnswer.of(pg, sql);
          JdbcAnswer.of(gw, sql);
        }
        for (int i = 0; i < INPUTS.size(); i++) {
          String input = INPUTS.get(i);
          assertSame(gw, pg, "INSERT INTO moments VALUES (" + i + ", '" + input + "', '" + input + "', '" + input + "')", simple);
        }
        assertSame(gw, pg, "INSERT INTO moments (id, plain, zoned) VALUES (100, 'tomorrow', 'yesterday EST')", simple);
        assertSame(gw, pg, "UPDATE moments SET plain = 'Feb 10 17:32:01 1997 PST', zoned = 'J2450000 12:00' WHERE id = 0", simple);
        assertSame(gw, pg, "SELECT * FROM moments WHERE id < 100 ORDER BY id", simple);
        assertSame(gw, pg, "SELECT plain = date_trunc('day', now()::timestamp) + interval '1 day' AS tomorrow, "
            + "zoned = (date_trunc('day', now()::timestamp) - interval '1 day') AT TIME ZONE 'EST' AS yesterday FROM moments WHERE id = 100", simple);
        for (String input : REFUSED) {
          assertSame(gw, pg, "INSERT INTO moments (id, zoned) VALUES (200, '" + input + "')", simple);
        }
        assertSame(gw, pg, "SELECT count(*) FROM moments", simple);
      }
    }
  }

  @Test
  void aFractionStoredIntoATimestampOfFewerDigitsIsRoundedAsPostgresRoundsIt() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = postgres.connect(simple); Connection gw = gateway.connect(simple)) {
        for (String sql : List.of("DROP TABLE IF EXISTS rounded", "CREATE TABLE rounded (id int, d1 timestamp(2) without time zone, d2 timestamp(2) with time zone)")) {
          JdbcAnswer.of(pg, sql);
          JdbcAnswer.of(gw, sql);
        }
        assertSame(gw, pg, "INSERT INTO rounded VALUES (1, 'Mon Feb 10 17:32:01.999999 1997 PST', 'Mon Feb 10 17:32:01.999999 1997 PST')", simple);
        assertSame(gw, pg, "INSERT INTO rounded (d2, id, d1) VALUES ('Feb 10 17:32:01.125 2007 UTC', 2, 'Feb 10 17:32:01.125 1997')", simple);
        assertSame(gw, pg, "UPDATE rounded SET d1 = 'Dec 31 23:59:59.995 1999' WHERE id = 2", simple);
        // The precision is not sent as the column's type modifier (docs/TYPES.md): values, names and types are PostgreSQL's.
        String select = "SELECT * FROM rounded ORDER BY id";
        assertThat(JdbcAnswer.withoutPrecision(gw, select)).as(select).isEqualTo(JdbcAnswer.withoutPrecision(pg, select));
      }
    }
  }

  private static void assertSame(Connection gateway, Connection postgres, String sql, boolean simple) {
    assertThat(JdbcAnswer.of(gateway, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(JdbcAnswer.of(postgres, sql));
  }
}
