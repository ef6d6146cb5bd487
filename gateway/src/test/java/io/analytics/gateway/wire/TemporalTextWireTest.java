package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * The text of timestamps, dates, times and numerics is what PostgreSQL 15 prints for the same
 * values, byte for byte: thousands of instants spread over three centuries (every hour, minute,
 * second and fraction shape) and the edges (BC years, far years, the infinities, leap days), in
 * zones with daylight saving, half-hour and local-mean-time offsets of seconds.
 */
class TemporalTextWireTest {
  /** Instants from 1850 to about 2150, a prime number of seconds and microseconds apart. */
  private static final String SPREAD = "SELECT i::bigint AS i, "
      + "TIMESTAMPTZ '1850-01-01 00:00:00+00' + ((i * 1892653) || ' seconds')::interval + ((i * 7919 % 1000000) || ' microseconds')::interval AS at, "
      + "TIMESTAMP '1850-01-01 00:00:00' + ((i * 1892653) || ' seconds')::interval + ((i * 104729 % 1000000) || ' microseconds')::interval AS local, "
      + "DATE '1850-01-01' + (i * 21)::integer AS day, "
      + "TIME '00:00:00' + ((i * 17389 % 86400) || ' seconds')::interval AS clock, "
      + "((i * 7919 % 2000003 - 1000001) * 0.0001)::numeric(18,4) AS amount, "
      + "((i * 104729 % 200000000003 - 100000000001) * 0.000001)::numeric(18,6) AS wide "
      + "FROM (SELECT n::bigint AS i FROM generate_series(0, 5000) AS t(n)) AS s";
  private static final String EDGES = "SELECT * FROM (VALUES "
      // BC values by arithmetic: DuckDB's parser reads no " BC" suffix in a literal.
      + "(1, TIMESTAMPTZ '0001-01-01 00:00:00+00' - '63115200000 seconds'::interval, "
      + "TIMESTAMP '0001-01-01 00:00:00' - '1 microsecond'::interval, DATE '0001-01-01' - 800000), "
      + "(2, TIMESTAMPTZ '0001-01-01 00:00:00+00', TIMESTAMP '0001-01-01 00:00:00', DATE '0001-01-01'), "
      + "(3, TIMESTAMPTZ '1883-11-18 16:59:59+00', TIMESTAMP '1900-02-28 23:59:59.5', DATE '2000-02-29'), "
      + "(4, TIMESTAMPTZ '1937-06-30 23:59:59.999999+00', TIMESTAMP '2024-02-29 12:00:00.000001', DATE '2100-02-28'), "
      + "(5, TIMESTAMPTZ '9999-12-31 23:59:59.999999+00', TIMESTAMP '9999-12-31 23:59:59.999999', DATE '9999-12-31'), "
      + "(6, TIMESTAMPTZ '20000-01-01 00:00:00+00', TIMESTAMP '20000-06-15 10:30:00', DATE '20000-01-01'), "
      + "(7, 'infinity'::timestamptz, 'infinity'::timestamp, 'infinity'::date), "
      + "(8, '-infinity'::timestamptz, '-infinity'::timestamp, '-infinity'::date)) AS v(n, instant, wall, civil) ORDER BY n";
  /**
   * UTC; daylight saving; a half-hour offset; Paris mean time (+00:09:21) before 1911; Monrovia's
   * -00:44:30 until 1972. (Not Europe/Amsterdam: Java's time-zone data has made it a link to Brussels,
   * +00:17:30 before 1892, where PostgreSQL's still has Amsterdam's own +00:19:32 before 1937.)
   */
  private static final List<String> ZONES = List.of("UTC", "America/New_York", "Asia/Kolkata", "Europe/Paris", "Africa/Monrovia");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase("temporal_text");

  @Test
  void valuesAreWrittenAsPostgresWritesThemInEveryZone() throws Exception {
    try (Connection pg = postgres.connect(false); Connection gw = gateway.connect()) {
      for (String zone : ZONES) {
        for (Connection connection : List.of(pg, gw)) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = '" + zone + "'");
          }
        }
        for (String query : List.of(SPREAD, EDGES)) {
          String copy = "COPY (" + query + ") TO STDOUT";
          String expected = copyOut(pg, copy);
          assertThat(expected.lines().count()).isGreaterThan(7);
          assertThat(copyOut(gw, copy)).as("%s in %s", query.substring(0, 40), zone).isEqualTo(expected);
        }
      }
    }
  }

  /** COPY TO STDOUT's bytes as text: every value in its text form, as a client receives it. */
  private static String copyOut(Connection connection, String sql) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
