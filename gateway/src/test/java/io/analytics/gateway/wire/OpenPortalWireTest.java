package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * DuckDB streams one result per connection, so an open portal's rows must survive any other
 * statement on the same session: SET, SHOW, DDL, DML, COPY both ways and catalog queries between two
 * fetches, over pgjdbc with a fetch size, SQL cursors (DECLARE/FETCH) and psycopg2's named cursors.
 */
class OpenPortalWireTest {
  /** More rows than one Arrow batch, so the portal still streams from DuckDB when it is suspended. */
  private static final String NUMBERS = "SELECT i FROM range(50000) t(i)";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void portalReadWithAFetchSizeContinuesAfterEveryKindOfStatement() throws Exception {
    try (Connection connection = gateway.connect()) {
      connection.setAutoCommit(false);
      Statement reader = connection.createStatement();
      reader.setFetchSize(100);
      try (ResultSet rows = reader.executeQuery(NUMBERS)) {
        long next = readInOrder(rows, 0, 150);
        runEveryKindOfStatement(connection, "jdbc_between");
        assertThat(readInOrder(rows, next, -1)).isEqualTo(50000);
      }
      connection.rollback();
    }
  }

  @Test
  void sqlCursorContinuesAfterEveryKindOfStatement() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("DECLARE numbers CURSOR FOR " + NUMBERS);
      try (ResultSet first = statement.executeQuery("FETCH 150 FROM numbers")) {
        assertThat(readInOrder(first, 0, -1)).isEqualTo(150);
      }
      runEveryKindOfStatement(connection, "cursor_between");
      try (ResultSet rest = statement.executeQuery("FETCH ALL FROM numbers")) {
        assertThat(readInOrder(rest, 150, -1)).isEqualTo(50000);
      }
      connection.rollback();
    }
  }

  @Test
  void psycopg2NamedCursorContinuesAfterEveryKindOfStatement() {
    String python = ClientScript.pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        python, ClientScript.CLIENTS.resolve("python").resolve("open_portal_checks.py").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("set and show between fetches",
        "ddl and dml between fetches", "copy between fetches", "catalog query between fetches", "named cursor continues");
  }

  /** Reads rows that must be consecutive numbers from {@code from}; up to {@code count} of them (-1: all); returns the next number. */
  private static long readInOrder(ResultSet rows, long from, int count) throws SQLException {
    long expected = from;
    while ((count < 0 || expected < from + count) && rows.next()) {
      assertThat(rows.getLong(1)).isEqualTo(expected);
      expected++;
    }
    return expected;
  }

  private static void runEveryKindOfStatement(Connection connection, String table) throws Exception {
    try (Statement other = connection.createStatement()) {
      other.execute("SET TimeZone = 'Europe/Berlin'");
      try (ResultSet zone = other.executeQuery("SHOW TimeZone")) {
        zone.next();
        assertThat(zone.getString(1)).isEqualTo("Europe/Berlin");
      }
      other.execute("CREATE TEMP TABLE " + table + "(i INTEGER)");
      assertThat(other.executeUpdate("INSERT INTO " + table + " VALUES (1), (2), (3)")).isEqualTo(3);
      assertThat(other.executeUpdate("DELETE FROM " + table + " WHERE i = 3")).isEqualTo(1);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(copy.copyOut("COPY " + table + " TO STDOUT", out)).isEqualTo(2);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1\n2\n");
      assertThat(copy.copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream("7\n8\n".getBytes(StandardCharsets.UTF_8))))
          .isEqualTo(2);
      try (ResultSet count = other.executeQuery("SELECT count(*) FROM pg_catalog.pg_type WHERE typname = 'int4'")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(1);
      }
      try (ResultSet sum = other.executeQuery("SELECT sum(i) FROM " + table)) {
        sum.next();
        assertThat(sum.getLong(1)).isEqualTo(18);
      }
    }
  }
}
