package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pg_stats over the lake, from the Parquet footers, with PostgreSQL's columns and conventions. */
class PgStatsWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /**
   * gold.daily_pnl has 100 rows: 5 dates, 20 symbols (a fifth of the rows, so PostgreSQL's negative
   * fraction), pnl without a distinct count in the footers (0, unknown). bronze.trades is partitioned
   * by date into 5 folders.
   */
  @Test
  void columnStatisticsOfLakeTables() throws Exception {
    try (Connection connection = gateway.connect();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT schemaname, tablename, attname, null_frac, avg_width, n_distinct FROM pg_catalog.pg_stats "
                + "WHERE (schemaname = 'gold' AND tablename = 'daily_pnl') OR (tablename = 'trades' AND attname IN ('date', 'trade_id')) "
                + "ORDER BY schemaname, tablename, attname")) {
      List<String> stats = new ArrayList<>();
      while (rows.next()) {
        stats.add(rows.getString(1) + "." + rows.getString(2) + "." + rows.getString(3) + ":" + rows.getFloat(4) + ":"
            + rows.getInt(5) + ":" + rows.getFloat(6));
      }
      assertThat(stats).containsExactly(
          "bronze.trades.date:0.0:4:5.0",
          "bronze.trades.trade_id:0.0:8:0.0",
          "gold.daily_pnl.date:0.0:4:5.0",
          "gold.daily_pnl.pnl:0.0:8:0.0",
          "gold.daily_pnl.symbol:0.0:4:-0.2");
    }
  }

  /** The columns PostgreSQL 15's pg_stats has, with its types (name columns as text), so BI tools' queries bind. */
  @Test
  void columnsAreNamedAndTypedAsInPostgres() throws Exception {
    try (Connection connection = gateway.connect();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT * FROM pg_stats WHERE tablename = 'daily_pnl' AND most_common_vals IS NULL AND histogram_bounds IS NULL")) {
      ResultSetMetaData metaData = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        columns.add(metaData.getColumnName(i) + ":" + metaData.getColumnTypeName(i));
      }
      assertThat(columns).containsExactly("schemaname:text", "tablename:text", "attname:text", "inherited:bool",
          "null_frac:float4", "avg_width:int4", "n_distinct:float4", "most_common_vals:_text", "most_common_freqs:_float4",
          "histogram_bounds:_text", "correlation:float4", "most_common_elems:_text", "most_common_elem_freqs:_float4",
          "elem_count_histogram:_float4");
      int count = 0;
      while (rows.next()) {
        count++;
      }
      assertThat(count).isEqualTo(3);
      assertThat(metaData.getColumnType(4)).isEqualTo(Types.BIT);
    }
  }
}
