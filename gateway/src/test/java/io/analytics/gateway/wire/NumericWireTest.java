package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Numeric answers that were silently wrong (double precision typed float8, or values rounded to 3
 * decimals) answer as PostgreSQL 15 does, or are refused: the same statements through pgjdbc over
 * the extended and the simple protocol against a real PostgreSQL and the gateway, and through
 * psycopg2 (numeric_checks.py compares Decimals from both servers). A value with more decimals than the
 * platform's numeric without precision holds (10) is refused with 22003 wherever DuckDB would have rounded it
 * silently; numeric(p,s) columns keep rounding to s on store, with PostgreSQL 15's values.
 */
class NumericWireTest {
  private static final String DATABASE = "lake";
  /** Exact answers: same column type and the same text as PostgreSQL. */
  private static final List<String> SAME_TEXT = List.of(
      "SELECT 70.0 / 70", "SELECT 1::numeric / 3", "SELECT 7.0 / 2 AS half", "SELECT sqrt(2.0)", "SELECT exp(1.0)", "SELECT ln(0.0456789)",
      "SELECT log(10.00000000000000000)", "SELECT power('-2'::numeric, '3')", "SELECT (-1.0) ^ 2147483646", "SELECT 32.1 ^ 9.8",
      "SELECT sqrt(96627521408608.56340355805::numeric)", "SELECT 0.12 ^ (-20)", "SELECT round(sqrt(2.0), 4)", "SELECT sqrt(4)",
      "SELECT power(2, 10)", "SELECT var_pop(x), stddev_pop(x), var_samp(x) FROM (VALUES ('inf'::float8)) v(x)",
      "SELECT var_pop(x), stddev_pop(x) FROM (VALUES ('nan'::float8)) v(x)",
      "SELECT avg(x), avg(-x) FROM (VALUES (1.5::numeric(10,2)), (2.25), (7)) v(x)", "SELECT avg(x::numeric) FROM (VALUES (1), (2), (2)) v(x)",
      "SELECT g, avg(x) FROM (VALUES (1, 0.5::numeric(8,3)), (1, 9998.25), (2, 3)) v(g, x) GROUP BY g ORDER BY g",
      "SELECT var_pop(x), stddev_pop(x), var_samp(x) FROM (VALUES (1.5::float8), (2.5)) v(x)");
  /** PostgreSQL's errors with PostgreSQL's SQLSTATE. */
  private static final Map<String, String> SAME_ERROR = Map.of(
      "SELECT power('-2'::numeric, '3.3')", "2201F", "SELECT (-12.34) ^ 1.2", "2201F", "SELECT ln(0.0)", "2201E",
      "SELECT sqrt(-2.0)", "2201F", "SELECT 1.0 / 0", "22012", "SELECT 10.0 ^ 2147483647", "22003");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void exactAnswersMatchPostgresOverBothProtocols() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connectPostgres(simple); Connection gw = connectGateway(simple)) {
        for (String sql : SAME_TEXT) {
          assertThat(answer(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(answer(pg, sql));
        }
        for (Map.Entry<String, String> refused : SAME_ERROR.entrySet()) {
          assertThat(answer(pg, refused.getKey())).as("PostgreSQL: " + refused.getKey()).isEqualTo("ERROR " + refused.getValue());
          assertThat(answer(gw, refused.getKey())).as(refused.getKey()).isEqualTo("ERROR " + refused.getValue());
        }
      }
    }
  }

  /** Divisions of numeric columns and expressions: PostgreSQL's numeric value (a DuckDB column shows it with 20 decimals). */
  private static final List<String> SAME_QUOTIENT = List.of(
      "SELECT a / b AS q FROM (VALUES (10.00::numeric(10,2), 3), (1, 7), (-2, 3), (123456789012.5, 7), (0, 5)) v(a, b) ORDER BY 1",
      "SELECT a / b FROM (VALUES (1.5::numeric(10,2), 0.125::numeric(8,3)), (100, 0.001), (-7.25, 2.5)) v(a, b) ORDER BY 1",
      "SELECT b / a FROM (VALUES (3.5::numeric(10,2), 7), (9999.99, 1)) v(a, b) ORDER BY 1",
      "SELECT sum(x) / count(x), sum(x) / count(*) * 100 FROM (VALUES (1.5::numeric(10,2)), (2.25), (7)) v(x)",
      "SELECT g, sum(x) / count(x) AS mean FROM (VALUES (1, 0.5::numeric(8,3)), (1, 9998.25), (2, 3)) v(g, x) GROUP BY g ORDER BY g",
      "SELECT x, sum(x) OVER (ORDER BY x) / 3 FROM (VALUES (1.5::numeric(10,2)), (2.25), (7)) v(x) ORDER BY x",
      "SELECT a / b / 2, -a / b FROM (VALUES (10::numeric, 4::numeric)) v(a, b)",
      "SELECT a / b FROM (VALUES (7, 2), (-7, 2)) v(a, b) ORDER BY 1", "SELECT a / b FROM (VALUES (1.5::float8, 2)) v(a, b)",
      "SELECT a / b FROM (VALUES (NULL::numeric, 2)) v(a, b)",
      "SELECT g, x, avg(x) OVER (PARTITION BY g), avg(x) OVER (ORDER BY x) FROM (VALUES (1, 1.5::numeric(10,2)), (1, 2.25), (2, 7), "
          + "(2, 3)) v(g, x) ORDER BY x",
      "SELECT x, avg(x::int8) OVER (ORDER BY x ROWS 1 PRECEDING), avg(x::float8) OVER () FROM (VALUES (1), (2), (4)) v(x) ORDER BY x");

  @Test
  void divisionOfNumericColumnsIsPostgresExactNumeric() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connectPostgres(simple); Connection gw = connectGateway(simple)) {
        for (String sql : SAME_QUOTIENT) {
          assertThat(rows(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(rows(pg, sql));
        }
        String byZero = "SELECT a / b FROM (VALUES (1.5::numeric(10,2), 0)) v(a, b)";
        assertThat(answer(pg, byZero)).isEqualTo("ERROR 22012");
        assertThat(answer(gw, byZero)).isEqualTo("ERROR 22012");
        // PostgreSQL answers 0.000033333333333333333333: 24 decimals, more than the gateway's quotient holds.
        assertThat(answer(gw, "SELECT a / b FROM (VALUES (1::numeric(10,2), 30000)) v(a, b)")).isEqualTo("ERROR 22003");
        assertThat(answer(gw, "SELECT a::float8 / b FROM (VALUES (1::numeric(10,2), 30000)) v(a, b)"))
            .isEqualTo(answer(pg, "SELECT a::float8 / b FROM (VALUES (1::numeric(10,2), 30000)) v(a, b)"));
      }
    }
  }

  @Test
  void variancesOfIntegersAndNumericsAreRefusedRatherThanAnsweredInDoublePrecisionAlsoAsWindowFunctions() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connectPostgres(simple); Connection gw = connectGateway(simple)) {
        for (String function : List.of("variance", "var_samp", "var_pop", "stddev", "stddev_samp", "stddev_pop")) {
          for (String argument : List.of("x", "x::int8", "x::numeric(10,2)")) {
            String sql = "SELECT " + function + "(" + argument + ") FROM (VALUES (1), (4), (7)) v(x)";
            assertThat(answer(pg, sql)).as("PostgreSQL: " + sql).startsWith("numeric ");
            assertThat(answer(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo("ERROR 0A000");
          }
          String floats = "SELECT " + function + "(x::float8), " + function + "(x::float4) FROM (VALUES (1), (4), (7)) v(x)";
          assertThat(rows(gw, floats)).as(floats).isEqualTo(rows(pg, floats));
          // As window functions too, for every frame.
          String frame = " OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM (VALUES (1, 1), (2, 4), (3, 7)) v(i, x)";
          for (String argument : List.of("x", "x::int8", "x::int2", "x::numeric(10,2)")) {
            String sql = "SELECT " + function + "(" + argument + ")" + frame;
            assertThat(answer(pg, sql)).as("PostgreSQL: " + sql).startsWith("numeric ");
            assertThat(answer(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo("ERROR 0A000");
          }
          String windowFloats = "SELECT i, " + function + "(x::float8)" + frame + " ORDER BY i";
          assertThat(rows(gw, windowFloats)).as(windowFloats).isEqualTo(rows(pg, windowFloats));
        }
      }
    }
  }

  @Test
  void numericOfAnExpressionIsRefusedRatherThanAnsweredInDoublePrecision() throws SQLException {
    try (Connection gw = connectGateway(false); Statement statement = gw.createStatement()) {
      statement.execute("CREATE TEMP TABLE amounts (a numeric(10,2))");
      statement.execute("INSERT INTO amounts VALUES (2.25)");
      for (String sql : List.of("SELECT sqrt(a) FROM amounts", "SELECT exp(a) FROM amounts", "SELECT ln(a) FROM amounts",
          "SELECT log(a) FROM amounts", "SELECT power(a, 2) FROM amounts")) {
        assertThat(answer(gw, sql)).as(sql).isEqualTo("ERROR 0A000");
      }
      assertThat(answer(gw, "SELECT sqrt(a::float8) FROM amounts")).isEqualTo("float8 1.5");
    }
  }

  @Test
  void unconstrainedNumericColumnsKeepTheDigitsThatWereRounded() throws SQLException {
    try (Connection gw = connectGateway(false); Statement statement = gw.createStatement()) {
      statement.execute("CREATE TEMP TABLE prices (p numeric)");
      statement.execute("ALTER TABLE prices ADD COLUMN q numeric");
      statement.execute("INSERT INTO prices VALUES (0.0001, 12345678901234567890.5), (1.23456, 0.0000000001)");
      try (ResultSet rows = statement.executeQuery("SELECT p, q FROM prices ORDER BY p")) {
        assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("numeric");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("0.0001");
        assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("12345678901234567890.5");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("1.23456");
        assertThat(rows.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("0.0000000001"));
      }
    }
  }

  @Test
  void psycopg2GetsPostgresDecimals() {
    String python = ClientScript.pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(),
        Map.of("REFERENCE_DSN", postgres.libpqDsn()),
        python, ClientScript.CLIENTS.resolve("python").resolve("numeric_checks.py").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).containsExactly("psycopg2 exact numerics", "psycopg2 numeric errors", "psycopg2 numeric column",
        "psycopg2 unconstrained numeric refusal", "psycopg2 numeric division");
  }

  @Test
  void longLiteralsForAnUnconstrainedColumnAreRefusedNotRounded() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection gw = connect(connectGateway(simple)); Statement statement = gw.createStatement()) {
        for (String sql : List.of("INSERT INTO readings (loose) VALUES (0.123456789012345)",
            "INSERT INTO readings (loose) VALUES (-1.00000000001)", "INSERT INTO readings (loose) VALUES ('0.123456789012')",
            "INSERT INTO readings (fixed, loose) VALUES (0.5, '0.123456789012'::numeric)",
            "UPDATE readings SET loose = 0.000000000001")) {
          assertThat(sqlState(statement, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo("22003");
        }
        statement.execute("INSERT INTO readings (loose) VALUES (0.1234567890), (1.50000000000000)");
        assertThat(column(statement, "SELECT loose FROM readings ORDER BY loose"))
            .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.123456789"), new BigDecimal("1.5"));
      }
    }
  }

  @Test
  void boundParametersWithTooManyDecimalsAreRefused() throws SQLException {
    try (Connection gw = connect(connectGateway(false))) {
      try (PreparedStatement insert = gw.prepareStatement("INSERT INTO readings (loose) VALUES (?)")) {
        insert.setBigDecimal(1, new BigDecimal("0.123456789012"));
        assertThat(sqlState(insert)).isEqualTo("22003");
        insert.setBigDecimal(1, new BigDecimal("0.1234567890"));
        insert.executeUpdate();
      }
      try (PreparedStatement cast = gw.prepareStatement("SELECT ?::numeric")) {
        cast.setString(1, "0.123456789012");
        assertThat(sqlState(cast)).isEqualTo("22003");
        cast.setBigDecimal(1, new BigDecimal("0.123456789012"));
        try (ResultSet rows = cast.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getBigDecimal(1)).isEqualTo(new BigDecimal("0.123456789012"));
        }
      }
      try (Statement statement = gw.createStatement()) {
        assertThat(column(statement, "SELECT loose FROM readings")).containsExactly(new BigDecimal("0.1234567890"));
      }
    }
  }

  @Test
  void computedValuesForAnUnconstrainedColumnAreStoredExactlyOrRefused() throws SQLException {
    String exact = "UPDATE readings SET loose = loose * 1.05, fixed = fixed / 3";
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connect(connectPostgres(simple)); Connection gw = connect(connectGateway(simple));
          Statement onPostgres = pg.createStatement(); Statement onGateway = gw.createStatement()) {
        for (Statement statement : List.of(onPostgres, onGateway)) {
          statement.execute("INSERT INTO readings (loose, fixed) VALUES (1.5 * 2, 1), (2.25, 2 * 1.5)");
          statement.execute(exact);
        }
        String sql = "SELECT loose FROM readings ORDER BY loose";
        assertThat(column(onGateway, sql)).as(sql).usingElementComparator(BigDecimal::compareTo).isEqualTo(column(onPostgres, sql));
        sql = "SELECT fixed FROM readings ORDER BY fixed";
        assertThat(column(onGateway, sql)).as(sql).isEqualTo(column(onPostgres, sql));
        for (String refused : List.of("UPDATE readings SET loose = loose * 1.000000005", "UPDATE readings SET loose = loose / 7",
            "INSERT INTO readings (loose) VALUES (3 * 0.00000000005)")) {
          assertThat(sqlState(onGateway, refused)).as(refused + (simple ? " (simple)" : "")).isEqualTo("22003");
        }
        assertThat(column(onGateway, "SELECT loose FROM readings ORDER BY loose"))
            .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("2.3625"), new BigDecimal("3.15"));
      }
    }
  }

  @Test
  void copyOfTooManyDecimalsForAnUnconstrainedColumnIsRefused() throws Exception {
    try (Connection gw = connect(connectGateway(false)); Statement statement = gw.createStatement()) {
      CopyManager copy = new CopyManager(gw.unwrap(BaseConnection.class));
      assertThat(copyState(copy, "COPY readings (loose, fixed) FROM STDIN", "1.5\t1\n0.123456789012\t2\n")).isEqualTo("22003");
      assertThat(copyState(copy, "COPY readings (fixed, loose) FROM STDIN (FORMAT csv)", "1,\"1e-11\"\n")).isEqualTo("22003");
      assertThat(column(statement, "SELECT loose FROM readings")).isEmpty();
      copy.copyIn("COPY readings (loose, fixed) FROM STDIN", new ByteArrayInputStream(
          "0.12345678900\t0.123456789012345\n2.5e-3\t\\N\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(column(statement, "SELECT loose FROM readings ORDER BY loose"))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.0025"), new BigDecimal("0.123456789"));
      assertThat(column(statement, "SELECT fixed FROM readings WHERE fixed IS NOT NULL")).containsExactly(new BigDecimal("0.123456789012345"));
    }
  }

  @Test
  void insertSelectOfTooManyDecimalsForAnUnconstrainedColumnIsRefusedNotRounded() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connect(connectPostgres(simple)); Connection gw = connect(connectGateway(simple));
          Statement onPostgres = pg.createStatement(); Statement onGateway = gw.createStatement()) {
        for (Statement statement : List.of(onPostgres, onGateway)) {
          statement.execute("INSERT INTO readings (fixed, small) VALUES (0.123456789012345, 1.5), (2.5, 2)");
        }
        String rounding = "INSERT INTO readings (loose) SELECT fixed FROM readings WHERE fixed < 1";
        onPostgres.execute(rounding);
        assertThat(sqlState(onGateway, rounding)).isEqualTo("22003");
        assertThat(sqlState(onGateway, "INSERT INTO readings (small, loose) SELECT 1, fixed::float8 / 3 FROM readings")).isEqualTo("22003");
        String exact = "INSERT INTO readings (loose, small) SELECT fixed * 2, small FROM readings WHERE fixed > 1 RETURNING loose";
        assertThat(rows(gw, exact)).isEqualTo(rows(pg, exact));
        String stored = "SELECT loose FROM readings WHERE loose IS NOT NULL AND loose > 1";
        assertThat(rows(gw, stored)).isEqualTo(rows(pg, stored));
      }
    }
  }

  @Test
  void conflictUpdatesOfTooManyDecimalsForAnUnconstrainedColumnAreRefusedNotRounded() throws SQLException {
    try (Connection pg = connectPostgres(false); Connection gw = connectGateway(false);
        Statement onPostgres = pg.createStatement(); Statement onGateway = gw.createStatement()) {
      for (Statement statement : List.of(onPostgres, onGateway)) {
        statement.execute("CREATE TEMP TABLE balances (k int PRIMARY KEY, v numeric, f numeric(20,15))");
        statement.execute("INSERT INTO balances VALUES (1, 1.5, 0.123456789012345)");
      }
      String rounding = "INSERT INTO balances VALUES (1, 2, 0) ON CONFLICT (k) DO UPDATE SET v = balances.v + balances.f";
      onPostgres.execute(rounding);
      assertThat(sqlState(onGateway, rounding)).isEqualTo("22003");
      String exact = "INSERT INTO balances VALUES (1, 2.25, 0) ON CONFLICT (k) DO UPDATE SET v = excluded.v * 2 RETURNING v";
      assertThat(rows(gw, exact)).isEqualTo(rows(pg, exact));
    }
  }

  @Test
  void binaryCopyOfTooManyDecimalsForAnUnconstrainedColumnIsRefusedNotRounded() throws Exception {
    byte[] twelveDecimals = binaryNumericCopy(-1, 12, 1234, 5678, 9012); // 0.123456789012
    byte[] tenDecimals = binaryNumericCopy(-1, 10, 1234, 5678, 9000); // 0.1234567890
    String sql = "COPY readings (loose) FROM STDIN (FORMAT binary)";
    try (Connection pg = connect(connectPostgres(false)); Connection gw = connect(connectGateway(false));
        Statement onPostgres = pg.createStatement(); Statement onGateway = gw.createStatement()) {
      CopyManager toPostgres = new CopyManager(pg.unwrap(BaseConnection.class));
      CopyManager toGateway = new CopyManager(gw.unwrap(BaseConnection.class));
      toPostgres.copyIn(sql, new ByteArrayInputStream(twelveDecimals));
      assertThat(column(onPostgres, "SELECT loose FROM readings")).containsExactly(new BigDecimal("0.123456789012"));
      try {
        toGateway.copyIn(sql, new ByteArrayInputStream(twelveDecimals));
        throw new AssertionError("binary COPY stored a value of 12 decimals into numeric without precision");
      } catch (SQLException e) {
        assertThat(e.getSQLState()).isEqualTo("22003");
      }
      toGateway.copyIn(sql, new ByteArrayInputStream(tenDecimals));
      assertThat(column(onGateway, "SELECT loose FROM readings")).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("0.123456789"));
    }
  }

  /** PostgreSQL's binary COPY stream of one row holding one positive numeric of the given base-10000 digits. */
  private static byte[] binaryNumericCopy(int weight, int displayScale, int... digits) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64);
    buffer.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0);
    buffer.putShort((short) 1).putInt(8 + 2 * digits.length);
    buffer.putShort((short) digits.length).putShort((short) weight).putShort((short) 0).putShort((short) displayScale);
    for (int digit : digits) {
      buffer.putShort((short) digit);
    }
    buffer.putShort((short) -1);
    return java.util.Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static String copyState(CopyManager copy, String sql, String data) throws java.io.IOException {
    try {
      copy.copyIn(sql, new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
      return "no error";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  @Test
  void constrainedColumnsRoundOnStoreAsPostgresDoes() throws SQLException {
    String insert = "INSERT INTO readings (fixed, small) VALUES (0.1234567890123456789, 1234.565), (-2.0000000000000005, -0.005)";
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connect(connectPostgres(simple)); Connection gw = connect(connectGateway(simple));
          Statement onPostgres = pg.createStatement(); Statement onGateway = gw.createStatement()) {
        onPostgres.execute(insert);
        onGateway.execute(insert);
        for (String sql : List.of("SELECT fixed FROM readings ORDER BY fixed", "SELECT small FROM readings ORDER BY small")) {
          assertThat(column(onGateway, sql)).as(sql).isEqualTo(column(onPostgres, sql));
        }
        try (PreparedStatement bound = gw.prepareStatement("INSERT INTO readings (fixed) VALUES (?)")) {
          bound.setBigDecimal(1, new BigDecimal("0.1234567890123456789"));
          bound.executeUpdate();
        }
        assertThat(column(onGateway, "SELECT fixed FROM readings WHERE fixed > 0")).contains(new BigDecimal("0.123456789012346"));
      }
    }
  }

  /** The connection, with the table of the unconstrained numeric tests created. */
  private static Connection connect(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE readings (loose numeric, fixed numeric(20,15), small numeric(6,2))");
    }
    return connection;
  }

  private static String sqlState(Statement statement, String sql) {
    try {
      statement.execute(sql);
      return "no error";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private static String sqlState(PreparedStatement statement) {
    try {
      statement.execute();
      return "no error";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private static List<BigDecimal> column(Statement statement, String sql) throws SQLException {
    List<BigDecimal> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getBigDecimal(1));
      }
    }
    return values;
  }

  /** Every row as {@code name:type value, ...}, numerics by value (their display scale is the column's in DuckDB). */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          String type = result.getMetaData().getColumnTypeName(i);
          BigDecimal number = type.equals("numeric") ? result.getBigDecimal(i) : null;
          String value = number == null ? result.getString(i) : number.stripTrailingZeros().toPlainString();
          cells.add(result.getMetaData().getColumnLabel(i) + ":" + type + " " + value);
        }
        rows.add(String.join(", ", cells));
      }
    }
    return rows;
  }

  /** {@code type value, ...} of the first row, or {@code ERROR sqlstate}. */
  private static String answer(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      List<String> cells = new ArrayList<>();
      rows.next();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        cells.add(rows.getMetaData().getColumnTypeName(i) + " " + rows.getString(i));
      }
      return String.join(", ", cells);
    } catch (SQLException e) {
      return "ERROR " + e.getSQLState();
    }
  }

  private static Connection connectPostgres(boolean simple) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return DriverManager.getConnection(postgres.jdbcUrl(), properties);
  }

  private static Connection connectGateway(boolean simple) throws SQLException {
    Properties properties = new Properties();
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return gateway.connect(properties);
  }
}
