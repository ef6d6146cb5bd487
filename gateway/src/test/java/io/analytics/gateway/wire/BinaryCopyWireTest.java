package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Binary COPY in both directions (PostgreSQL's format: signature, flags, header extension, rows of
 * length-prefixed values, -1 trailer): bytes compared with what PostgreSQL 15 sends for the same
 * table, pgjdbc's CopyManager, psycopg 3's binary copy, and malformed streams refused with nothing
 * stored.
 */
class BinaryCopyWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /** One column of each type a client sends in binary COPY, in PostgreSQL's spelling (the gateway translates). */
  private static final String TABLE_COLUMNS =
      "(i2 smallint, i4 integer, i8 bigint, f4 real, f8 double precision, n numeric(12,3), t text, b boolean,"
          + " d date, ts timestamp, tz timestamptz, bt bytea, u uuid, iv interval, ia integer[], ta text[], j json,"
          + " jb jsonb)";
  private static final String ROWS =
      "(1, 100000, 1000000000000000, 1.5, 2.25, 12.345, 'héllo\ttab', true, '2024-02-29', '2024-01-03 18:51:07.123456',"
          + " '2024-01-03 18:51:00+00', '\\x0001ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 year 2 mons 3 days 04:05:06.5',"
          + " '{1,NULL,3}', '{a,\"b,c\",NULL}', '{\"k\": [1, 2]}', '{\"b\": 1, \"a\": [true, null]}'),"
          + " (-32768, -2147483648, -9223372036854775808, -0.25, -1e300, -0.001, '', false, '1999-12-31', '1970-01-01 00:00:00',"
          + " '1999-12-31 23:59:59.999999+00', '\\x', '00000000-0000-0000-0000-000000000000', '-00:00:00.000001',"
          + " '{}', '{}', '[]', '{}'),"
          + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)";

  private static CopyManager copyManager(Connection connection) throws SQLException {
    return new CopyManager(connection.unwrap(BaseConnection.class));
  }

  private static byte[] copyOut(Connection connection, String sql) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copyManager(connection).copyOut(sql, out);
    return out.toByteArray();
  }

  @Test
  void binaryCopyRoundTripsPostgresBytesExactly() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String database = postgres.createDatabase("binary_copy");
    byte[] fromPostgres;
    try (Connection pg = postgres.connect(database); Statement statement = pg.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("CREATE TABLE bin_types " + TABLE_COLUMNS);
      statement.execute("INSERT INTO bin_types VALUES " + ROWS);
      fromPostgres = copyOut(pg, "COPY bin_types TO STDOUT (FORMAT binary)");
    }
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bin_types " + TABLE_COLUMNS);
      long loaded = copyManager(connection).copyIn("COPY bin_types FROM STDIN (FORMAT binary)", new ByteArrayInputStream(fromPostgres));
      assertThat(loaded).isEqualTo(3);
      byte[] fromGateway = copyOut(connection, "COPY bin_types TO STDOUT (FORMAT binary)");
      assertThat(HexFormat.of().formatHex(fromGateway)).isEqualTo(HexFormat.of().formatHex(fromPostgres));
      byte[] fromQuery = copyOut(connection, "COPY (SELECT * FROM bin_types) TO STDOUT WITH (FORMAT binary)");
      assertThat(fromQuery).isEqualTo(fromPostgres);
      try (ResultSet rs = statement.executeQuery("SELECT i8, n, t, ia, u FROM bin_types WHERE i2 = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1_000_000_000_000_000L);
        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.345");
        assertThat(rs.getString(3)).isEqualTo("héllo\ttab");
        assertThat(rs.getString(4)).isEqualTo("{1,NULL,3}");
        assertThat(rs.getString(5)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
      }
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '__copy_in%'")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the stream's view is dropped after the load").isZero();
      }
    }
  }

  @Test
  void emptyResultIsHeaderAndTrailerOnly() throws Exception {
    try (Connection connection = gateway.connect()) {
      byte[] bytes = copyOut(connection, "COPY (SELECT 1 AS a WHERE false) TO STDOUT (FORMAT binary)");
      assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("5047434f50590aff0d0a00" + "00000000" + "00000000" + "ffff");
    }
  }

  @Test
  void malformedStreamsAreRefusedAndStoreNothing() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bin_atomic(id integer, name text)");
      byte[] goodRow = row(int4(1), text("one"));
      assertRefused(connection, concat(header(), goodRow, new byte[] {(byte) 0xff, (byte) 0xff}), null);
      assertRefused(connection, concat("PGCOPY\n\377\r\n\1".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          new byte[8], goodRow), "22P04");
      assertRefused(connection, concat(header(), goodRow, row(int4(2))), "22P04");
      assertRefused(connection, concat(header(), goodRow, row(new byte[] {0, 0, 0, 2, 0, 7}, text("two"))), "22P03");
      assertRefused(connection, concat(header(), goodRow, Arrays.copyOf(row(int4(2), text("two")), 9)), "22P04");
      assertRefused(connection, concat(header(), goodRow, new byte[] {(byte) 0xff, (byte) 0xff, 0}), "22P04");
      assertRefused(connection, concat(header(), goodRow, row(int4(2), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe})), "22P04");
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM bin_atomic")) {
        rs.next();
        assertThat(rs.getLong(1)).as("only the one well-formed COPY stored its row").isEqualTo(1);
      }
    }
  }

  @Test
  void textOptionsAreRefusedInBinaryMode() throws Exception {
    try (Connection connection = gateway.connect()) {
      assertThatThrownBy(() -> copyOut(connection, "COPY (SELECT 1) TO STDOUT (FORMAT binary, DELIMITER ',')"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
      assertThatThrownBy(() -> copyOut(connection, "COPY (SELECT 1) TO STDOUT (FORMAT binary, HEADER)"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    }
  }

  @Test
  void statementTimeoutStopsBinaryCopyOut() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET statement_timeout = '300ms'");
      assertThatThrownBy(() -> copyOut(connection, "COPY (" + StatementTimeoutWireTest.HEAVY + ") TO STDOUT (FORMAT binary)"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      statement.execute("SET statement_timeout = 0");
      assertThat(copyOut(connection, "COPY (SELECT 1::int4 AS a) TO STDOUT (FORMAT binary)")).hasSize(19 + 2 + 8 + 2);
    }
  }

  @Test
  void psycopg3BinaryCopy() {
    String python = ClientScript.pythonWith("psycopg");
    assumeTrue(python != null, "python3 with psycopg is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        python, ClientScript.CLIENTS.resolve("python").resolve("binary_copy_checks.py").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "copy from stdin binary", "copy to stdout binary", "bad value stores nothing");
  }

  /** A COPY of {@code data} into bin_atomic: refused with {@code sqlState}, or (null) accepted. */
  private static void assertRefused(Connection connection, byte[] data, String sqlState) throws Exception {
    String sql = "COPY bin_atomic FROM STDIN (FORMAT binary)";
    if (sqlState == null) {
      assertThat(copyManager(connection).copyIn(sql, new ByteArrayInputStream(data))).isEqualTo(1);
      return;
    }
    assertThatThrownBy(() -> copyManager(connection).copyIn(sql, new ByteArrayInputStream(data)))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private static byte[] header() {
    return concat("PGCOPY\n\377\r\n\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), new byte[8]);
  }

  private static byte[] row(byte[]... fields) {
    byte[] count = {0, (byte) fields.length};
    return concat(count, concat(fields));
  }

  private static byte[] int4(int value) {
    return ByteBuffer.allocate(8).putInt(4).putInt(value).array();
  }

  private static byte[] text(String value) {
    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
