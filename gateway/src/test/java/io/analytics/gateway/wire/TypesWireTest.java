package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every core type read and written by pgjdbc, in text and in binary transfer, with typed parameters
 * and with parameters of unspecified type (OID 0) whose type the gateway must infer.
 */
class TypesWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static Connection connect(boolean binary, String stringType) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("prepareThreshold", "1");
    properties.setProperty("binaryTransfer", Boolean.toString(binary));
    if (stringType != null) {
      properties.setProperty("stringtype", stringType);
    }
    return gateway.connect(properties);
  }

  @ParameterizedTest(name = "binaryTransfer={0}")
  @ValueSource(booleans = {false, true})
  void resultColumnsOfEveryCoreTypeReadBackExactly(boolean binary) throws SQLException {
    String sql =
        "SELECT true AS b, 12::SMALLINT AS i2, 123456::INTEGER AS i4, 9007199254740993::BIGINT AS i8,"
            + " 1.5::REAL AS f4, 0.1::DOUBLE AS f8, 12.3400::DECIMAL(18,4) AS num, 'héllo' AS txt,"
            + " '\\x00\\xFF'::BLOB AS bin, DATE '2024-02-29' AS d, TIME '13:14:15.5' AS t,"
            + " TIMESTAMP '2024-01-02 03:04:05.123456' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tstz,"
            + " '0b2a3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d'::UUID AS u, [1, 2, NULL] AS arr, ['a', 'b c'] AS sarr,"
            + " INTERVAL '1 day 02:00:00' AS iv, '{\"k\": 1}'::JSON AS j";
    // Run twice: the first execution describes, the second uses the named, binary-capable statement.
    for (int run = 0; run < 2; run++) {
      try (Connection connection = connect(binary, null); PreparedStatement statement = connection.prepareStatement(sql);
          ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getShort("i2")).isEqualTo((short) 12);
        assertThat(rs.getInt("i4")).isEqualTo(123456);
        assertThat(rs.getLong("i8")).isEqualTo(9007199254740993L);
        assertThat(rs.getFloat("f4")).isEqualTo(1.5f);
        assertThat(rs.getDouble("f8")).isEqualTo(0.1);
        assertThat(rs.getBigDecimal("num")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(rs.getString("txt")).isEqualTo("héllo");
        assertThat(rs.getBytes("bin")).containsExactly(0, 255);
        assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rs.getObject("t", LocalTime.class)).isEqualTo(LocalTime.of(13, 14, 15, 500_000_000));
        assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
        assertThat(rs.getObject("tstz", OffsetDateTime.class).toInstant())
            .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC).toInstant());
        assertThat(rs.getObject("u", UUID.class)).isEqualTo(UUID.fromString("0b2a3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d"));
        assertThat((Object[]) rs.getArray("arr").getArray()).containsExactly(1, 2, null);
        assertThat((Object[]) rs.getArray("sarr").getArray()).containsExactly("a", "b c");
        assertThat(rs.getString("iv")).isEqualTo("1 day 02:00:00");
        assertThat(rs.getString("j")).isIn("{\"k\": 1}", "{\"k\":1}");
        assertThat(rs.getMetaData().getColumnTypeName(7)).isEqualTo("numeric");
        assertThat(rs.getMetaData().getScale(7)).isEqualTo(4);
        assertThat(rs.getMetaData().getColumnType(13)).isEqualTo(Types.TIMESTAMP);
      }
    }
  }

  @ParameterizedTest(name = "binaryTransfer={0}")
  @ValueSource(booleans = {false, true})
  void typedParametersRoundTrip(boolean binary) throws SQLException {
    try (Connection connection = connect(binary, null); Statement setup = connection.createStatement()) {
      String table = "typed_params_" + binary;
      setup.execute("CREATE TABLE " + table + " (b BOOLEAN, i2 SMALLINT, i4 INTEGER, i8 BIGINT, f4 REAL, f8 DOUBLE,"
          + " num DECIMAL(18,4), txt VARCHAR, bin BLOB, d DATE, ts TIMESTAMP, tstz TIMESTAMPTZ, u UUID)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (int run = 0; run < 3; run++) {
          insert.setBoolean(1, true);
          insert.setShort(2, (short) -7);
          insert.setInt(3, 42 + run);
          insert.setLong(4, Long.MIN_VALUE + 1);
          insert.setFloat(5, 2.25f);
          insert.setDouble(6, -1e300);
          insert.setBigDecimal(7, new BigDecimal("-1234.5678"));
          insert.setString(8, "quote ' and \\ backslash");
          insert.setBytes(9, new byte[] {1, 2, 3});
          insert.setDate(10, Date.valueOf("1999-12-31"));
          insert.setTimestamp(11, Timestamp.valueOf("2024-06-01 12:00:00.25"));
          insert.setObject(12, OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
          insert.setObject(13, UUID.fromString("0b2a3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d"));
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
      }
      try (ResultSet rs = setup.executeQuery("SELECT b, i2, i4, i8, f4, f8, num, txt, bin, d, ts, epoch(tstz), u FROM " + table + " ORDER BY i4 LIMIT 1")) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getShort(2)).isEqualTo((short) -7);
        assertThat(rs.getInt(3)).isEqualTo(42);
        assertThat(rs.getLong(4)).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(rs.getFloat(5)).isEqualTo(2.25f);
        assertThat(rs.getDouble(6)).isEqualTo(-1e300);
        assertThat(rs.getBigDecimal(7)).isEqualByComparingTo("-1234.5678");
        assertThat(rs.getString(8)).isEqualTo("quote ' and \\ backslash");
        assertThat(rs.getBytes(9)).containsExactly(1, 2, 3);
        assertThat(rs.getObject(10, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(rs.getObject(11, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 6, 1, 12, 0, 0, 250_000_000));
        assertThat(rs.getDouble(12)).isEqualTo((double) OffsetDateTime.of(2024, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC).toEpochSecond());
        assertThat(rs.getObject(13, UUID.class)).isEqualTo(UUID.fromString("0b2a3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d"));
      }
    }
  }

  @ParameterizedTest(name = "binaryTransfer={0}")
  @ValueSource(booleans = {false, true})
  void unspecifiedParameterTypesAreInferred(boolean binary) throws SQLException {
    try (Connection connection = connect(binary, "unspecified")) {
      try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM bronze.trades WHERE quantity > ? AND symbol = ? AND date >= ?")) {
        statement.setString(1, "80");
        statement.setString(2, "SYM1");
        statement.setString(3, "2024-01-03");
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(80);
        }
      }
      try (PreparedStatement statement = connection.prepareStatement("SELECT ? + 1 AS n")) {
        statement.setObject(1, "41", Types.OTHER);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(42);
        }
      }
    }
  }

  @ParameterizedTest(name = "binaryTransfer={0}")
  @ValueSource(booleans = {false, true})
  void duckDbOnlyTypesArriveAsTheirClosestPostgresTypes(boolean binary) throws SQLException {
    String sql = "SELECT {'a': 1, 'b': 'x'} AS st, MAP {'k': 2} AS mp, 'b'::ENUM('a', 'b') AS en,"
        + " 170141183460469231731687303715884105727::HUGEINT AS huge, 18446744073709551615::UBIGINT AS ubig,"
        + " 255::UTINYINT AS ut, TIMESTAMP_NS '2024-01-02 03:04:05.123456789' AS tsns, [[1, 2], [3, 4]] AS matrix,"
        + " INTERVAL '1 year 2 months -3 days 04:05:06.5' AS iv, NULL AS nothing";
    try (Connection connection = connect(binary, null); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int run = 0; run < 2; run++) {
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          assertThat(rs.getString("st")).isEqualTo("{\"a\":1,\"b\":\"x\"}");
          assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("json");
          assertThat(rs.getString("mp")).isEqualTo("{\"k\":2}");
          assertThat(rs.getString("en")).isEqualTo("b");
          assertThat(rs.getBigDecimal("huge")).isEqualTo(new BigDecimal("170141183460469231731687303715884105727"));
          assertThat(rs.getBigDecimal("ubig")).isEqualTo(new BigDecimal("18446744073709551615"));
          assertThat(rs.getInt("ut")).isEqualTo(255);
          assertThat(rs.getObject("tsns", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
          Object[] matrix = (Object[]) rs.getArray("matrix").getArray();
          assertThat((Object[]) matrix[1]).containsExactly(3, 4);
          assertThat(rs.getString("iv")).isEqualTo("1 year 2 mons -3 days +04:05:06.5");
          assertThat(rs.getString("nothing")).isNull();
        }
      }
    }
  }

  @ParameterizedTest(name = "binaryTransfer={0}")
  @ValueSource(booleans = {false, true})
  void arrayParametersBindAsLists(boolean binary) throws SQLException {
    try (Connection connection = connect(binary, null);
        PreparedStatement statement = connection.prepareStatement("SELECT list_contains(?::VARCHAR[], 'b c') AS has, len(?::INTEGER[]) AS n")) {
      statement.setArray(1, connection.createArrayOf("text", new String[] {"a", "b c", "it's"}));
      statement.setArray(2, connection.createArrayOf("int4", new Integer[] {1, 2, null}));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        assertThat(rs.getBoolean("has")).isTrue();
        assertThat(rs.getInt("n")).isEqualTo(3);
      }
    }
  }

  @ParameterizedTest(name = "binaryTransfer={0}")
  @ValueSource(booleans = {false, true})
  void badParameterValuesGetPostgresErrors(boolean binary) throws SQLException {
    try (Connection connection = connect(binary, "unspecified");
        PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM bronze.trades WHERE trade_id = ?")) {
      statement.setString(1, "abc");
      org.assertj.core.api.Assertions.assertThatThrownBy(statement::executeQuery)
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22P02");
            assertThat(e.getMessage()).contains("invalid input syntax for type bigint: \"abc\"");
          });
    }
  }
}
