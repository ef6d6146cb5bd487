package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.JdbcAnswer;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Date/time types with a precision as ORMs declare them (Hibernate's {@code timestamp(6) with time zone} and
 * {@code time(6)}, Laravel's {@code timestamp(0) without time zone}) and as reports cast to them
 * ({@code now()::timestamp(0)}): through pgjdbc over both protocols, the same values, types and column names as
 * PostgreSQL 15; and what the gateway cannot keep refused, never stored changed.
 */
class TemporalPrecisionWireTest {
  private static final String DATABASE = "temporal";
  private static final List<String> SETUP = List.of(
      "DROP TABLE IF EXISTS events",
      "CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamp(6) with time zone NOT NULL, at_time time(6), "
          + "day_start timestamp(0) without time zone, precise timestamptz(6))");
  /**
   * The precision of a column or cast is not sent as its type modifier (docs/TYPES.md), so pgjdbc's precision differs;
   * names, types and values are PostgreSQL's.
   */
  private static final List<String> QUERIES_BUT_PRECISION = List.of(
      "SELECT * FROM events ORDER BY id",
      "SELECT id, created_at::timestamp(0) AS whole, CAST(precise AS timestamp(1) with time zone) FROM events ORDER BY id",
      "SELECT '2020-01-01 10:00:00.126'::timestamp(2), CAST('2020-01-01 10:00:00.5' AS timestamp(0)), '1960-01-01 00:00:00.5'::timestamp(0)",
      "SELECT '1960-01-01 00:00:00.4'::timestamp(0), '2020-02-29 23:59:59.9999'::timestamp(3), 'infinity'::timestamp(0), '-infinity'::timestamptz(1)",
      "SELECT '2020-01-01 10:00:00.126+02'::timestamptz(2), CAST('2020-01-01 23:59:59.999999+00' AS timestamp(3) with time zone)",
      "SELECT '1980-01-01 00:00:00.5'::timestamp(0), '1999-12-31 23:59:59.5'::timestamp(0), '2000-01-01 00:00:00.5'::timestamp(0)",
      "SELECT count(*) FROM events WHERE created_at::timestamp(0) with time zone >= '2024-03-01 12:00:01+00'");
  private static final List<String> QUERIES = List.of(
      "SELECT '10:00:00.123456'::time(6), CAST('2020-01-01 10:00:00.123456' AS timestamp(6))",
      "SELECT now()::timestamp(0) = date_trunc('second', now()::timestamp(0)) AS whole");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void ormDeclaredColumnsAndRoundingCastsAnswerAsPostgres() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connect(true, simple); Connection gw = connect(false, simple)) {
        setUp(pg);
        setUp(gw);
        for (String sql : QUERIES) {
          assertThat(JdbcAnswer.of(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(JdbcAnswer.of(pg, sql));
        }
        for (String sql : QUERIES_BUT_PRECISION) {
          assertThat(JdbcAnswer.withoutPrecision(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(JdbcAnswer.withoutPrecision(pg, sql));
        }
      }
    }
  }

  @Test
  void aValueFinerThanItsColumnIsRefusedNotStoredChanged() throws SQLException {
    try (Connection gw = connect(false, false)) {
      setUp(gw);
      String finer = "INSERT INTO events (id, created_at, day_start) VALUES (9, now(), '2024-03-01 12:00:00.5')";
      assertThat(JdbcAnswer.of(gw, finer)).startsWith("ERROR 0A000 a value with more fractional digits than timestamp(0) without time zone");
      assertThat(JdbcAnswer.of(gw, "SELECT count(*) FROM events WHERE id = 9")).contains("=[0]");
      String rounded = "INSERT INTO events (id, created_at, day_start) VALUES (9, now(), '2024-03-01 12:00:00.5'::timestamp(0))";
      assertThat(JdbcAnswer.of(gw, rounded)).isEqualTo("updated 1");
      assertThat(JdbcAnswer.of(gw, "SELECT day_start FROM events WHERE id = 9")).contains("=[2024-03-01 12:00:01]");
    }
  }

  @Test
  void precisionsTheGatewayCannotKeepAreRefused() throws SQLException {
    try (Connection gw = connect(false, false)) {
      assertThat(JdbcAnswer.of(gw, "SELECT '10:00:00.123'::time(2)")).startsWith("ERROR 0A000");
      assertThat(JdbcAnswer.of(gw, "CREATE TEMP TABLE hours (t time(0))")).startsWith("ERROR 0A000");
      setUp(gw);
      assertThat(JdbcAnswer.of(gw, "ALTER TABLE events ADD COLUMN later timestamp(3)")).startsWith("ERROR 0A000");
      assertThat(JdbcAnswer.of(gw, "ALTER TABLE events ADD COLUMN later timestamp(6) with time zone")).isEqualTo("updated 0");
    }
  }

  private static void setUp(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : SETUP) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO events (id, created_at, at_time, day_start, precise) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, 1);
      insert.setObject(2, OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 654_321_000, ZoneOffset.UTC));
      insert.setObject(3, LocalTime.of(9, 30, 15, 500_000_000));
      insert.setObject(4, LocalDateTime.of(2024, 3, 1, 0, 0));
      insert.setObject(5, OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 950_000_000, ZoneOffset.UTC));
      insert.executeUpdate();
      insert.setLong(1, 2);
      insert.setObject(2, OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 499_999_000, ZoneOffset.ofHours(2)));
      insert.setObject(3, null);
      insert.setObject(4, null);
      insert.setObject(5, null);
      insert.executeUpdate();
    }
  }

  private static Connection connect(boolean postgresServer, boolean simple) throws SQLException {
    return postgresServer ? postgres.connect(simple) : gateway.connect(simple);
  }
}
