package io.analytics.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.lake.DeclaredSchemaFile;
import io.analytics.engine.lake.LakeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLakeTest {
  @TempDir Path dir;
  @TempDir Path otherDir;

  @Test
  void writesTheFullDemoLakeDeterministicallyAndOnlyOnce() {
    LakeFixture lake = LakeFixture.in(dir);
    DemoLake demo = new DemoLake(lake.config());

    assertThat(demo.write()).hasSize(4).allSatisfy(line -> assertThat(line).endsWith("rows"));

    assertThat(lake.count("bronze.trades")).isEqualTo(1_000_000);
    assertThat(lake.query("SELECT count(DISTINCT symbol) || ' ' || count(DISTINCT date) FROM bronze.trades"))
        .containsExactly("200 250");
    assertThat(lake.home().dataDir().resolve("bronze/trades/date=2024-01-01")).isDirectory();
    assertThat(lake.count("bronze.prices")).isEqualTo(50_000);
    assertThat(lake.count("gold.daily_pnl")).isEqualTo(50_000);
    assertThat(lake.count("bronze.orders")).isGreaterThan(250_000);
    assertThat(lake.query("SELECT count(*) FROM bronze.prices WHERE NOT (high >= low AND high >= greatest(open, close) AND low <= least(open, close))"))
        .containsExactly("0");
    assertThat(lake.query("SELECT count(*) FROM gold.daily_pnl WHERE total_pnl <> position_pnl + trading_pnl")).containsExactly("0");
    assertThat(DeclaredSchemaFile.read(lake.home().dataDir().resolve("bronze/trades"))).contains(StandardSchemas.TRADE);

    String fingerprint = "SELECT sum(hash(trade_id, ts, symbol, side, quantity, price, venue, date)) FROM bronze.trades";
    String first = lake.query(fingerprint).get(0);
    var files = lake.dataFiles();
    assertThat(demo.write()).allSatisfy(line -> assertThat(line).contains("skipped"));
    assertThat(lake.dataFiles()).isEqualTo(files);
    assertThat(lake.count("bronze.trades")).isEqualTo(1_000_000);

    LakeFixture other = LakeFixture.in(otherDir);
    new DemoLake(new io.analytics.engine.lake.PipelineConfig(other.home(),
        io.analytics.catalog.config.PlatformConfig.defaults().withEnvironment(java.util.Map.of("ANALYTICS_DUCKDB_THREADS", "1"))))
        .write();
    assertThat(other.query(fingerprint).get(0)).isEqualTo(first);
  }
}
