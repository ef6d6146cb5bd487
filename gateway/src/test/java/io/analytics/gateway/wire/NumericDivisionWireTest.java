package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Numeric division over many rows and groups (the Java function behind the division macro, a chunk of rows at a
 * time) gives PostgreSQL 15's numeric value in every row: the same generated table on both servers through pgjdbc,
 * with numeric(18,4), numeric(12,6), unconstrained numeric (whose scale PostgreSQL keeps per value) and integer
 * operands, negative values, magnitudes from 0.0001 to 10^13, NULLs, and a group whose divisor sums to zero.
 */
class NumericDivisionWireTest {
  private static final String DATABASE = "lake";
  private static final int ROWS = 3_000;
  private static final int GROUPS = 600;
  private static final int ZERO_GROUP = 7;

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void quotientsOverManyRowsAndGroupsAreExactlyPostgres() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = withTrades(postgres.connect(simple)); Connection gw = withTrades(gateway.connect(simple))) {
        for (String sql : List.of(
            "SELECT k, a / b, -a / b, a / (0 - b), l / b, l / i, a / i, i / b, (l + 1000000000000) / (abs(a) + 1) FROM t ORDER BY k",
            "SELECT g, sum(a * i) / sum(i), sum(a) / count(*), sum(l) / sum(b), sum(i) * 100 / sum(n), min(a) / max(b) FROM t "
                + "GROUP BY g ORDER BY g",
            "SELECT g, sum(a) / count(*) * 3 / sum(b), avg(a) / 2 FROM t GROUP BY g ORDER BY g")) {
          List<String> expected = NumericWireTest.rows(pg, sql);
          assertThat(expected).as("PostgreSQL: " + sql).hasSizeGreaterThanOrEqualTo(GROUPS);
          assertThat(NumericWireTest.rows(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(expected);
        }
        String byZero = "SELECT g, sum(a) / sum(z) FROM t GROUP BY g ORDER BY g";
        assertThat(error(pg, byZero)).as("PostgreSQL: " + byZero).isEqualTo("22012");
        assertThat(error(gw, byZero)).as(byZero).isEqualTo("22012");
      }
    }
  }

  /**
   * The connection, with a temporary table t of generated rows: the same values on either server. a / b stays between
   * 0.0001 and 10^18, where PostgreSQL's quotient has at most 20 decimals and fits the gateway's.
   */
  private static Connection withTrades(Connection connection) throws SQLException {
    Random random = new Random(20261203);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE t (k int, g int, a numeric(18,4), b numeric(12,6), l numeric, i bigint, n numeric(10,2), "
          + "z int)");
      StringBuilder values = new StringBuilder();
      for (int k = 0; k < ROWS; k++) {
        int group = k % GROUPS;
        // a: 0 or |a| in 1 .. 10^12 with 4 decimals, one sign per group (no sum cancels to a tiny value); b: 0.5 .. 1000 with 6
        // decimals; l: 2 .. 10^12, with 0 to 3 decimals; n: NULL in some groups.
        BigDecimal a = k % 97 == 0 ? BigDecimal.ZERO : new BigDecimal(BigInteger.valueOf(10_000 + (long) (random.nextDouble()
            * Math.pow(10, 3 + random.nextInt(14)))), 4).multiply(BigDecimal.valueOf(group % 2 == 0 ? 1 : -1));
        BigDecimal b = new BigDecimal(BigInteger.valueOf(500_000 + random.nextInt(999_500_000)), 6);
        BigDecimal l = new BigDecimal(BigInteger.valueOf(1 + (long) (random.nextDouble() * Math.pow(10, random.nextInt(13)))),
            random.nextInt(4)).add(BigDecimal.ONE);
        String n = group % 11 == 0 ? "NULL" : String.valueOf(1 + random.nextInt(9_999)) + "." + random.nextInt(10);
        values.append(values.length() == 0 ? "" : ", ").append('(').append(k).append(", ").append(group).append(", ")
            .append(a.toPlainString()).append(", ").append(b.toPlainString()).append(", ").append(l.toPlainString()).append(", ")
            .append(1 + random.nextInt(500)).append(", ").append(n).append(", ").append(group == ZERO_GROUP ? 0 : 1).append(')');
        if (k % 500 == 499 || k == ROWS - 1) {
          statement.execute("INSERT INTO t VALUES " + values);
          values.setLength(0);
        }
      }
    }
    return connection;
  }

  private static String error(Connection connection, String sql) {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        result.getString(2);
      }
      return "no error";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }
}
