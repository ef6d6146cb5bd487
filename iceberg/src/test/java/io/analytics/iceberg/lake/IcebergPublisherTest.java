package io.analytics.iceberg.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.lake.LakeFixture;
import io.analytics.iceberg.catalog.LakeCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recovery's catalog serves the commit that follows it (an ingest opens the catalog once), and only that one. */
class IcebergPublisherTest {
  private static final TableIdentifier TRADES = TableIdentifier.of("bronze", "trades");

  @TempDir Path dir;
  private LakeFixture lake;
  private ScheduledExecutorService expiry;
  private final AtomicInteger opened = new AtomicInteger();

  @BeforeEach
  void setUp() {
    lake = LakeFixture.in(dir);
    expiry = Executors.newSingleThreadScheduledExecutor();
    new IngestionPipeline("t", lake.config(), "bronze.trades", StandardSchemas.TRADE, List.of("date"))
        .ingestCsv(lake.write("day1.csv", LakeTablesTest.DAY1));
  }

  @AfterEach
  void tearDown() {
    expiry.shutdownNow();
  }

  @Test
  void theCommitAfterARecoveryUsesTheCatalogTheRecoveryOpened() {
    try (LakeCatalog catalog = LakeCatalog.open(lake.home(), IcebergConfig.defaults())) {
      catalog.catalog().dropTable(TRADES, false);
    }
    IcebergPublisher publisher = new IcebergPublisher(this::open, new KeptCatalog(expiry, 60_000));
    Path trades = lake.home().layerDir(Layer.BRONZE).resolve("trades");

    publisher.recovered(lake.home());
    publisher.committed(lake.home(), List.of(trades));
    assertThat(opened).as("one catalog for the recovery and the commit after it").hasValue(1);
    publisher.committed(lake.home(), List.of(trades));
    assertThat(opened).as("a later commit opens its own").hasValue(2);

    try (LakeCatalog catalog = LakeCatalog.open(lake.home(), IcebergConfig.defaults())) {
      assertThat(LakeTablesTest.locations(catalog.catalog().loadTable(TRADES))).isNotEmpty();
    }
  }

  @Test
  void aKeptCatalogIsOnlyForItsHomeAndIsClosedWhenReplaced() {
    KeptCatalog kept = new KeptCatalog(expiry, 60_000);
    LakeCatalog first = open(lake.home(), IcebergConfig.defaults());
    kept.keep(lake.home().root(), first);
    assertThat(kept.take(dir.resolve("elsewhere"))).isEmpty();

    LakeCatalog second = open(lake.home(), IcebergConfig.defaults());
    kept.keep(lake.home().root(), second);
    assertThatThrownBy(() -> first.catalog().listNamespaces()).as("the replaced catalog is closed").isInstanceOf(RuntimeException.class);
    try (LakeCatalog taken = kept.take(lake.home().root()).orElseThrow()) {
      assertThat(taken).isSameAs(second);
      assertThat(taken.catalog().listNamespaces()).isNotEmpty();
    }
    assertThat(kept.take(lake.home().root())).as("taken once").isEmpty();
  }

  private LakeCatalog open(io.analytics.catalog.home.PlatformHome home, IcebergConfig config) {
    opened.incrementAndGet();
    return LakeCatalog.open(home, config);
  }
}
