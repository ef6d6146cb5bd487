package io.analytics.engine.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.home.Layer;
import io.analytics.engine.demo.DemoLake;
import io.analytics.engine.demo.ExampleSql;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.LakeFixture;
import io.analytics.engine.lake.ProgressListener;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.engine.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformationPipelineTest {
  @TempDir Path dir;
  LakeFixture lake;
  WarehouseConnector warehouse;

  @BeforeEach
  void setUp() {
    lake = LakeFixture.in(dir);
    new DemoLake(lake.config(), 2_000, 5, 10).write();
    warehouse = new WarehouseConnector(lake.home(), lake.config().platform(), Map.of());
  }

  TransformationPipeline pipeline(CommitHooks hooks) {
    return new TransformationPipeline(lake.config(), warehouse, hooks, ProgressListener.NONE);
  }

  @Test
  void parquetTargetBecomesAPartitionedDatasetOfTheLayer() {
    try (TransformationPipeline pipeline = pipeline(CommitHooks.NONE)) {
      TransformResult result = pipeline.transformSql(
          "SELECT symbol, date, sum(quantity) AS volume FROM bronze.trades GROUP BY ALL;", "volumes", TargetType.PARQUET,
          Layer.SILVER, List.of("date"));
      assertThat(result.table()).isEqualTo("silver.volumes");
      assertThat(result.rows()).isEqualTo(50);
    }
    assertThat(lake.count("silver.volumes")).isEqualTo(50);
    assertThat(lake.home().dataDir().resolve("silver/volumes/date=2024-01-01")).isDirectory();
  }

  @Test
  void aSortedTargetIsWrittenInKeyOrderInSmallRowGroupsAndRecordsThatLayout() {
    try (TransformationPipeline pipeline = pipeline(CommitHooks.NONE)) {
      pipeline.transformSql("SELECT i AS id, i % 7 AS v FROM range(100000) t(i) ORDER BY hash(i)", "lookup", TargetType.PARQUET,
          Layer.GOLD, List.of(), List.of("id"));
    }
    Path dataset = lake.home().dataDir().resolve("gold/lookup");
    assertThat(io.analytics.engine.lake.SortedLayout.read(dataset))
        .contains(new io.analytics.engine.lake.SortedLayout(List.of("id"), io.analytics.engine.lake.SortedLayout.DEFAULT_ROW_GROUP_ROWS));
    // Row groups of at most 16,384 rows, each covering a key range that starts where the previous one ended.
    List<String> ranges = lake.query("SELECT row_group_num_rows || ':' || stats_min || ':' || stats_max FROM parquet_metadata('"
        + dataset + "/*.parquet') WHERE path_in_schema = 'id' ORDER BY row_group_id");
    assertThat(ranges).hasSize(7);
    long next = 0;
    for (String range : ranges) {
      String[] parts = range.split(":");
      assertThat(Long.parseLong(parts[0])).isLessThanOrEqualTo(16_384);
      assertThat(Long.parseLong(parts[1])).isEqualTo(next);
      next = Long.parseLong(parts[2]) + 1;
    }
    assertThat(next).isEqualTo(100_000);
  }

  @Test
  void createParquetViewExposesADatasetToLaterTransformations() {
    try (TransformationPipeline pipeline = pipeline(CommitHooks.NONE)) {
      pipeline.createParquetView("bronze.prices", "px");
      pipeline.transformSql("SELECT symbol, max(high) AS high FROM px GROUP BY symbol", "highs", TargetType.PARQUET,
          Layer.GOLD, List.of());
    }
    assertThat(lake.count("gold.highs")).isEqualTo(5);
  }

  @Test
  void replacingADatasetIsAtomicWhenTheCommitFails() {
    try (TransformationPipeline pipeline = pipeline(CommitHooks.NONE)) {
      pipeline.transformSql("SELECT 1 AS x", "numbers", TargetType.PARQUET, Layer.SILVER, List.of());
    }
    List<String> before = lake.dataFiles();
    CommitHooks failing = new CommitHooks() {
      @Override
      public void beforeCommit(Path stagingDirectory) {
        throw new IllegalStateException("injected");
      }
    };
    try (TransformationPipeline pipeline = pipeline(failing)) {
      assertThatThrownBy(() -> pipeline.transformSql("SELECT * FROM range(100) t(x)", "numbers", TargetType.PARQUET,
          Layer.SILVER, List.of())).hasMessage("injected");
    }
    assertThat(lake.dataFiles()).isEqualTo(before);
    assertThat(lake.query("SELECT x FROM silver.numbers")).containsExactly("1");
  }

  @Test
  void duckDbTargetIsAWarehouseTableInItsOwnSchema() {
    try (TransformationPipeline pipeline = pipeline(CommitHooks.NONE)) {
      TransformResult result = pipeline.transformSql(
          "SELECT symbol, count(*) AS trades FROM bronze.trades GROUP BY symbol", "trade_counts", TargetType.DUCKDB,
          Layer.SILVER, List.of());
      assertThat(result.table()).isEqualTo("derived.trade_counts");
      assertThat(result.rows()).isEqualTo(5);
    }
    try (WarehouseConnection connection = warehouse.open()) {
      assertThat(connection.viaGateway()).isFalse();
      assertThat(connection.queryStrings("SELECT sum(trades) FROM derived.trade_counts")).containsExactly(List.of("2000"));
      assertThat(connection.queryStrings(
          "SELECT comment FROM duckdb_tables() WHERE schema_name = 'derived' AND table_name = 'trade_counts'"))
          .containsExactly(List.of("layer=silver"));
    }
  }

  @Test
  void shippedViewsAndMaterializationsRunOnTheDemoLake() {
    ExampleSql.install(lake.home());
    SqlFolderRunner runner = new SqlFolderRunner(lake.config(), warehouse);

    assertThat(runner.runViews()).hasSize(1);
    assertThat(runner.runMaterializations()).hasSize(3);

    assertThat(lake.count("silver.positions")).isEqualTo(50);
    assertThat(lake.count("silver.features")).isEqualTo(50);
    assertThat(lake.count("gold.daily_pnl")).isEqualTo(50);
    try (WarehouseConnection connection = warehouse.open()) {
      assertThat(connection.queryStrings("SELECT count(*) FROM bronze.trades_enriched")).containsExactly(List.of("2000"));
    }
  }
}
