package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetReplacer;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.ProgressListener;
import io.analytics.engine.lake.SortedLayout;
import io.analytics.gateway.testing.QueryText;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key lookups do not scan, shown by DuckDB's own profile through the gateway (EXPLAIN ANALYZE over
 * pgjdbc), not by time: a warehouse primary-key lookup is an index scan that reads no row group,
 * and a lookup by the sort key of a gold dataset written sorted in small row groups reads one.
 */
class KeyLookupWireTest {
  private static final Pattern ROW_GROUPS = Pattern.compile("Row Groups Scanned: (\\d+) / (\\d+)");
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void aWarehousePrimaryKeyLookupIsAnIndexScan() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE pgbench_accounts (aid integer NOT NULL PRIMARY KEY, bid integer, abalance integer, filler char(84))");
      statement.execute("INSERT INTO pgbench_accounts SELECT i, 1, i % 100, '' FROM generate_series(1, 300000) AS t(i)");
      String profile = QueryText.firstColumn(connection, "EXPLAIN ANALYZE SELECT abalance FROM pgbench_accounts WHERE aid = 123457");
      assertThat(profile).contains("Index Scan");
      Matcher groups = ROW_GROUPS.matcher(profile);
      assertThat(groups.find()).as(profile).isTrue();
      assertThat(Integer.parseInt(groups.group(1))).isZero();
      assertThat(Integer.parseInt(groups.group(2))).isGreaterThan(1);
      try (ResultSet row = statement.executeQuery("SELECT abalance FROM pgbench_accounts WHERE aid = 123457")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getInt(1)).isEqualTo(57);
      }
    }
  }

  @Test
  void aLookupBySortKeyOnASortedGoldDatasetReadsOneRowGroup() throws Exception {
    try (LakeSession session = LakeSession.open(gateway.home(), PlatformConfig.defaults())) {
      new DatasetReplacer(session, CommitHooks.NONE, ProgressListener.NONE).replace(
          new LakeScanner(gateway.home()).dataset(Layer.GOLD, "trades_by_id"),
          "SELECT i AS trade_id, 'S' || (i % 200) AS symbol, i % 500 AS quantity FROM range(200000) t(i) ORDER BY hash(i)",
          List.of(), null, "test", false, SortedLayout.sortedBy(List.of("trade_id")));
    }
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      String profile = QueryText.firstColumn(connection, "EXPLAIN ANALYZE SELECT * FROM gold.trades_by_id WHERE trade_id = 123457");
      Matcher groups = ROW_GROUPS.matcher(profile);
      assertThat(groups.find()).as(profile).isTrue();
      assertThat(Integer.parseInt(groups.group(1))).as(profile).isEqualTo(1);
      assertThat(Integer.parseInt(groups.group(2))).as(profile).isGreaterThanOrEqualTo(200_000 / SortedLayout.DEFAULT_ROW_GROUP_ROWS);
      try (ResultSet row = statement.executeQuery("SELECT symbol, quantity FROM gold.trades_by_id WHERE trade_id = 123457")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("S57");
        assertThat(row.getInt(2)).isEqualTo(457);
      }
    }
  }
}
