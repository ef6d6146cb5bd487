package io.analytics.gateway.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ServingInstance;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.LakeViewCatalog;
import io.analytics.engine.lake.ReadOnlyLakeViews;
import io.analytics.gateway.session.SessionTier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The DuckDB instance role {@code app} runs on: it holds only the gold layer's views, can read only
 * the gold folder, and is opened read-only over an empty base file with the views in a file
 * attached {@code READ_ONLY} ({@link ReadOnlyLakeViews}), as the analysts' tier is. So nothing that
 * reaches it, whatever the guard read, can replace or drop a gold view that every {@code app}
 * session shares, or create anything but a session's own TEMP objects; its configuration is locked.
 */
public final class GoldTier implements AutoCloseable {
  /** The catalog that holds the gold views on app's instance: a file attached read-only. */
  public static final String LAKE_CATALOG = io.analytics.engine.lake.ReadOnlyLakeViews.CATALOG;
  /** The instance's own (empty, read-only) catalog, named after its base file. */
  static final String BASE_CATALOG = "app";

  private final DuckDbDatabase database;
  private final ReadOnlyLakeViews lakeViews;

  private GoldTier(DuckDbDatabase database, ReadOnlyLakeViews lakeViews) {
    this.database = database;
    this.lakeViews = lakeViews;
  }

  /**
   * Opens app's instance. Its base file and the views' files are kept in {@code scratch}, a folder no
   * other instance reads; it spills to {@code spill}, its own (DuckDB lets an instance read its temp
   * directory, so a shared one would let app read another instance's spill files).
   */
  public static GoldTier open(PlatformHome home, PlatformConfig config, Path scratch, Path spill) {
    requireNonNull(home, "home is null");
    requireNonNull(config, "config is null");
    requireNonNull(scratch, "scratch is null");
    requireNonNull(spill, "spill is null");
    DuckDbDatabase database = DuckDbDatabase.openReadOnlyInstance(scratch.resolve(BASE_CATALOG + ".duckdb"),
        config.servingDuckDb(ServingInstance.APP).withTempDirectory(null), spill);
    try {
      Path viewFiles = scratch.resolve("views");
      ReadOnlyLakeViews views = new ReadOnlyLakeViews(database, new LakeScanner(home), Set.of(Layer.GOLD), viewFiles,
          LAKE_CATALOG);
      ReadOnlyInstances.lockDown(database, List.of(home.layerDir(Layer.GOLD), viewFiles));
      return new GoldTier(database, views);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The gold views of this instance, rebuilt in a read-only catalog when the lake changes. */
  public LakeViewCatalog lakeViews() {
    return lakeViews;
  }

  /** The instance app's sessions connect to. */
  public DuckDbDatabase database() {
    return database;
  }

  /** How app's sessions run here: search_path routed to the views' catalog, nothing to catch up with. */
  public SessionTier sessionTier() {
    return new SessionTier(database, new GoldTierSearchPath(BASE_CATALOG, LAKE_CATALOG), () -> { });
  }

  @Override
  public void close() {
    database.close();
  }
}
