package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * COPY TO STDOUT leaves unscanned the columns whose text can hold none of the bytes its format
 * escapes or quotes (integers, numerics, dates, timestamps), and still escapes and quotes them as
 * PostgreSQL 15 does when a delimiter, quote or NULL string is one of their characters: the same
 * rows byte for byte from both servers, in text and CSV with such options, in a zone with a
 * half-hour offset.
 */
class CopyEscapingWireTest {
  private static final String ROWS = "SELECT i, -i * 1000 AS neg, (i * -1.25)::numeric(10,2) AS amount, "
      + "DATE '2024-01-01' + (i % 1000)::integer AS day, "
      + "TIMESTAMPTZ '2024-01-01 00:00:00+00' + (i || ' hours')::interval + INTERVAL '0.5 second' AS at "
      + "FROM generate_series(1, 3000) AS t(i) "
      + "UNION ALL SELECT 0, 1, 0::numeric(10,2), 'infinity'::date, '-infinity'::timestamptz ORDER BY 1";
  private static final List<String> OPTIONS = List.of("", " (DELIMITER '-')", " (DELIMITER ':')", " (DELIMITER ' ')",
      " (DELIMITER 'B')", " (DELIMITER '+')", " (FORMAT csv)", " (FORMAT csv, DELIMITER '-')", " (FORMAT csv, DELIMITER '.')",
      " (FORMAT csv, QUOTE ':')", " (FORMAT csv, NULL '1')", " (FORMAT csv, NULL '-infinity')", " (FORMAT csv, ESCAPE '+')");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase("copy_escaping");

  @Test
  void unscannedColumnsAreStillEscapedAndQuotedAsPostgresDoes() throws Exception {
    try (Connection pg = connectPostgres(); Connection gw = gateway.connect()) {
      for (Connection connection : List.of(pg, gw)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET TimeZone = 'Asia/Kolkata'");
        }
      }
      for (String options : OPTIONS) {
        String copy = "COPY (" + ROWS + ") TO STDOUT" + options;
        String expected = copyOut(pg, copy);
        assertThat(expected.lines().count()).isEqualTo(3001);
        assertThat(copyOut(gw, copy)).as("COPY%s", options).isEqualTo(expected);
      }
    }
  }

  private static String copyOut(Connection connection, String sql) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Connection connectPostgres() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    return DriverManager.getConnection(postgres.jdbcUrl(), properties);
  }
}
