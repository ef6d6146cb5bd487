package io.analytics.iceberg.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetCommitter;
import io.analytics.engine.lake.DatasetReplacer;
import io.analytics.engine.lake.LakeFixture;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.ProgressListener;
import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.io.LocalFileIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTablesTest {
  static final String HEADER = "trade_id,ts,symbol,side,quantity,price,venue\n";
  static final String DAY1 = HEADER
      + "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n"
      + "2,2024-01-02 11:30:00+00,MSFT,SELL,5,370.25,XNYS\n"
      + "3,2024-01-03T09:45:00Z,AAPL,SELL,7,186.0,XNAS\n";
  static final String DAY2 = HEADER
      + "10,2024-01-04T10:00:00Z,AAPL,BUY,1,180,XNAS\n"
      + "11,2024-01-05T10:00:00Z,AAPL,BUY,1,181,XNAS\n";
  static final TableIdentifier TRADES = TableIdentifier.of("bronze", "trades");

  @TempDir Path dir;
  LakeFixture lake;

  @BeforeEach
  void setUp() {
    lake = LakeFixture.in(dir);
  }

  @Test
  void everyIngestIsOneIcebergCommitOfTheFilesAsTheyAre() {
    ingest("day1.csv", DAY1);
    ingest("day2.csv", DAY2);

    try (LakeCatalog catalog = catalog()) {
      Table table = catalog.catalog().loadTable(TRADES);
      List<Snapshot> snapshots = snapshots(table);
      assertThat(snapshots).extracting(Snapshot::operation).containsExactly("append", "append");
      assertThat(snapshots.get(1).summary()).containsEntry("added-data-files", "2").containsEntry("total-records", "5");
      assertThat(locations(table)).isEqualTo(lakeLocations("bronze", "trades"));
      assertThat(table.spec().fields()).extracting(f -> table.schema().findColumnName(f.sourceId())).containsExactly("date");
      assertThat(table.schema().findField("date").type()).isEqualTo(Types.DateType.get());
      assertThat(table.schema().findField("price").type()).isEqualTo(Types.DecimalType.of(18, 4));
      assertThat(table.schema().findField("ts").type()).isEqualTo(Types.TimestampType.withZone());
      assertThat(table.properties()).containsKey(TableProperties.DEFAULT_NAME_MAPPING);
      assertThat(table.location()).isEqualTo(LocalFileIO.toLocation(lake.home().layerDir(Layer.BRONZE).resolve("trades")));
      DataFile first;
      try (var tasks = table.newScan().includeColumnStats().planFiles()) {
        first = tasks.iterator().next().file();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(first.recordCount()).isPositive();
      assertThat(first.nullValueCounts()).isNotEmpty();
      assertThat(first.lowerBounds()).isNotEmpty();
      assertThat(first.partition().get(0, Integer.class)).as(first.location() + " " + first.partition()).isNotNull();
    }
  }

  @Test
  void aReplaceIsAnOverwriteThatExpiresTheSnapshotsNamingDeletedFiles() {
    ingest("day1.csv", DAY1);
    ingest("day2.csv", DAY2);
    Dataset trades = new LakeScanner(lake.home()).dataset(Layer.BRONZE, "trades");
    try (LakeSession session = LakeSession.open(lake.home(), lake.config().platform())) {
      new DatasetReplacer(session, CommitHooks.NONE, ProgressListener.NONE).replace(trades,
          "SELECT * FROM read_parquet('" + trades.parquetGlob() + "', hive_partitioning = true)",
          List.of("date"), null, "vacuum", true);
    }

    try (LakeCatalog catalog = catalog()) {
      Table table = catalog.catalog().loadTable(TRADES);
      assertThat(snapshots(table)).extracting(Snapshot::operation).containsExactly("overwrite");
      assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "5");
      assertThat(locations(table)).isEqualTo(lakeLocations("bronze", "trades"));
    }
  }

  @Test
  void aReplaceWithOtherColumnsReplacesTheTableKeepingOnlyItsNewSnapshot() {
    ingest("day1.csv", DAY1);
    Dataset trades = new LakeScanner(lake.home()).dataset(Layer.BRONZE, "trades");
    try (LakeSession session = LakeSession.open(lake.home(), lake.config().platform())) {
      new DatasetReplacer(session, CommitHooks.NONE, ProgressListener.NONE).replace(trades,
          "SELECT trade_id, symbol, price * quantity AS notional FROM read_parquet('" + trades.parquetGlob() + "')",
          List.of(), null, "transform", false);
    }

    try (LakeCatalog catalog = catalog()) {
      Table table = catalog.catalog().loadTable(TRADES);
      assertThat(table.schema().columns()).extracting(Types.NestedField::name).containsExactly("trade_id", "symbol", "notional");
      assertThat(table.spec().isUnpartitioned()).isTrue();
      assertThat(snapshots(table)).hasSize(1);
      assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "3");
      assertThat(locations(table)).isEqualTo(lakeLocations("bronze", "trades"));
      assertThat(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING)).contains("notional").doesNotContain("venue");
    }
  }

  @Test
  void aCommitTheCatalogMissedIsPublishedAtTheNextRecoveryOnce() throws Exception {
    ingest("day1.csv", DAY1);
    Files.writeString(lake.home().configFile(), "{\"iceberg\": {\"enabled\": false}}");
    ingest("day2.csv", DAY2); // as if the process died between the lake's commit and Iceberg's
    try (LakeCatalog catalog = catalog()) {
      assertThat(snapshots(catalog.catalog().loadTable(TRADES))).hasSize(1);
    }
    Files.delete(lake.home().configFile());

    new DatasetCommitter(lake.home(), CommitHooks.NONE).recover(0);
    new DatasetCommitter(lake.home(), CommitHooks.NONE).recover(0);

    try (LakeCatalog catalog = catalog()) {
      Table table = catalog.catalog().loadTable(TRADES);
      assertThat(snapshots(table)).extracting(Snapshot::operation).containsExactly("append", "append");
      assertThat(locations(table)).isEqualTo(lakeLocations("bronze", "trades"));
    }
  }

  private void ingest(String name, String csv) {
    new IngestionPipeline("t", lake.config(), "bronze.trades", StandardSchemas.TRADE, List.of("date"))
        .ingestCsv(lake.write(name, csv));
  }

  private LakeCatalog catalog() {
    return LakeCatalog.open(lake.home(), IcebergConfig.defaults());
  }

  private Set<String> lakeLocations(String layer, String name) {
    Set<String> locations = new TreeSet<>();
    DatasetFiles.of(lake.home().layerDir(Layer.fromName(layer)).resolve(name)).files()
        .forEach(f -> locations.add(LocalFileIO.toLocation(f)));
    return locations;
  }

  static Set<String> locations(Table table) {
    return new TreeSet<>(DatasetTableSync.publishedFiles(table).keySet());
  }

  static List<Snapshot> snapshots(Table table) {
    List<Snapshot> list = new java.util.ArrayList<>();
    table.snapshots().forEach(list::add);
    return list;
  }
}
