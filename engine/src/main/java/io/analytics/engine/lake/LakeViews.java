package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.lake.Layer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.util.List;

/**
 * Exposes every dataset of the lake as a view in its layer's schema ({@code bronze.trades} over
 * {@code data/bronze/trades/**}/*.parquet} with hive partitioning), so SQL sees the lake as tables.
 */
public final class LakeViews {
  private final DuckDbDatabase database;
  private final LakeScanner scanner;
  private final java.util.Set<Layer> layers;

  public LakeViews(DuckDbDatabase database, LakeScanner scanner) {
    this(database, scanner, java.util.EnumSet.allOf(Layer.class));
  }

  /** Views of these layers only (an instance serving role app holds just the gold layer). */
  public LakeViews(DuckDbDatabase database, LakeScanner scanner, java.util.Set<Layer> layers) {
    this.database = requireNonNull(database, "database is null");
    this.scanner = requireNonNull(scanner, "scanner is null");
    this.layers = java.util.Set.copyOf(layers);
  }

  /** Creates the layer schemas and (re)creates one view per dataset; returns what it found. */
  public List<Dataset> refresh() {
    for (Layer layer : Layer.values()) {
      if (layers.contains(layer)) {
        database.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(layer.schemaName()));
      }
    }
    List<Dataset> datasets = new java.util.ArrayList<>();
    for (Dataset dataset : scanner.scan()) {
      if (layers.contains(dataset.layer())) {
        database.execute(viewDefinition(dataset));
        datasets.add(dataset);
      }
    }
    return datasets;
  }

  static String viewDefinition(Dataset dataset) {
    return "CREATE OR REPLACE VIEW "
        + SqlIdentifiers.quote(dataset.layer().schemaName())
        + "."
        + SqlIdentifiers.quote(dataset.name())
        + " AS SELECT * FROM read_parquet("
        + SqlIdentifiers.literal(dataset.parquetGlob())
        + ", hive_partitioning = true, union_by_name = true)";
  }
}
