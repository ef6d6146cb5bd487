package io.analytics.iceberg.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.LakeCommitListener;
import io.analytics.iceberg.catalog.LakeCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.iceberg.catalog.TableIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every lake commit as an Iceberg commit of the datasets' tables, in the committing
 * process while it still holds the datasets' locks; and catches up with the whole lake when a
 * process recovers the lake (a gateway starting, a pipeline beginning), which repairs a crash
 * between the lake's commit and the Iceberg commit. Found by {@link java.util.ServiceLoader}.
 * A failure is logged, never raised: the lake's commit is the truth and the next catch-up repeats it.
 */
public final class IcebergPublisher implements LakeCommitListener {
  private static final Logger LOG = LoggerFactory.getLogger(IcebergPublisher.class);

  private final BiFunction<PlatformHome, IcebergConfig, LakeCatalog> opener;
  /** The catalog the last recovery opened, for the commit that usually follows it (an ingest). */
  private final KeptCatalog kept;

  /** The publisher {@link java.util.ServiceLoader} makes, one per process. */
  public IcebergPublisher() {
    this(LakeCatalog::open, KeptCatalog.withDaemonExpiry());
  }

  IcebergPublisher(BiFunction<PlatformHome, IcebergConfig, LakeCatalog> opener, KeptCatalog kept) {
    this.opener = requireNonNull(opener, "opener is null");
    this.kept = requireNonNull(kept, "kept is null");
  }

  @Override
  public void committed(PlatformHome home, List<Path> datasets) {
    IcebergConfig config = configOf(home);
    if (!config.enabled()) {
      return;
    }
    try (LakeCatalog catalog = kept.take(home.root()).orElseGet(() -> opener.apply(home, config))) {
      DatasetTableSync sync = new DatasetTableSync(catalog);
      for (Path directory : datasets) {
        Dataset dataset = datasetOf(directory);
        try {
          sync.sync(dataset);
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("Iceberg commit of {} failed (repaired at the next start): {}", dataset.qualifiedName(), e.getMessage());
        }
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Iceberg catalog unavailable, commit of {} not published yet: {}", datasets, e.getMessage());
    }
  }

  @Override
  public void recovered(PlatformHome home) {
    IcebergConfig config = configOf(home);
    if (!config.enabled()) {
      return;
    }
    LakeCatalog catalog = null;
    try {
      catalog = opener.apply(home, config);
      Map<TableIdentifier, DatasetTableSync.Outcome> changed = new LakeTables(catalog).reconcile();
      if (!changed.isEmpty()) {
        LOG.info("Iceberg tables brought in step with the lake: {}", changed);
      }
      kept.keep(home.root(), catalog);
      catalog = null;
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Iceberg catalog unavailable, tables not brought in step with the lake: {}", e.getMessage());
    } finally {
      if (catalog != null) {
        catalog.close();
      }
    }
  }

  /** The home's Iceberg settings; publishing is off (with a warning) while the config file cannot be read. */
  private static IcebergConfig configOf(PlatformHome home) {
    try {
      return PlatformConfig.load(home.configFile(), System.getenv()).iceberg();
    } catch (RuntimeException e) {
      LOG.warn("Iceberg publishing skipped: {}", e.getMessage());
      return IcebergConfig.defaults().withEnabled(false);
    }
  }

  private static Dataset datasetOf(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    return new Dataset(Layer.fromName(absolute.getParent().getFileName().toString()),
        absolute.getFileName().toString(), absolute);
  }
}
