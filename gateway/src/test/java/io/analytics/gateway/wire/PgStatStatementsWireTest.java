package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pg_stat_statements from what the gateway measures, per normalized statement and user, and its reset. */
class PgStatStatementsWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void countsCallsRowsAndTimesPerNormalizedStatementUntilReset() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT pg_stat_statements_reset()")) {
        assertThat(rs.next()).isTrue();
      }
      long rowsRead = 0;
      for (int id : new int[] {1, 2, 3}) {
        try (ResultSet rs = statement.executeQuery("SELECT trade_id FROM bronze.trades WHERE trade_id <= " + id)) {
          while (rs.next()) {
            rowsRead++;
          }
        }
      }
      try (PreparedStatement stats = connection.prepareStatement(
          "SELECT calls, rows, total_exec_time, min_exec_time, max_exec_time, mean_exec_time, queryid "
              + "FROM pg_stat_statements WHERE query LIKE ?")) {
        stats.setString(1, "SELECT TRADE_ID FROM BRONZE . TRADES WHERE TRADE_ID <= ?%");
        try (ResultSet rs = stats.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(3);
          assertThat(rs.getLong(2)).isEqualTo(rowsRead).isPositive();
          double total = rs.getDouble(3);
          assertThat(rs.getDouble(4)).isLessThanOrEqualTo(rs.getDouble(6)).isLessThanOrEqualTo(rs.getDouble(5));
          assertThat(rs.getDouble(6) * 3).isCloseTo(total, org.assertj.core.data.Offset.offset(0.001));
          assertThat(rs.next()).isFalse();
        }
      }
      statement.executeQuery("SELECT pg_catalog.pg_stat_statements_reset()").close();
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_statements WHERE query LIKE '%TRADE_ID <=%'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }
}
