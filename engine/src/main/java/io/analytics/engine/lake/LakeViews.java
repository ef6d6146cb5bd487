package io.analytics.engine.lake;

import io.analytics.engine.duckdb.SqlIdentifiers;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.util.List;

/**
 * Exposes every dataset of the lake as a view in its layer's schema ({@code bronze.trades} over
 * {@code data/bronze/trades/**}/*.parquet} with hive partitioning), so SQL sees the lake as tables.
 */
public final class LakeViews implements LakeViewCatalog {
  private final DuckDbDatabase database;
  private final LakeScanner scanner;
  private final java.util.Set<Layer> layers;
  private final FileSchemas schemas;

  public LakeViews(DuckDbDatabase database, LakeScanner scanner) {
    this(database, scanner, java.util.EnumSet.allOf(Layer.class));
  }

  /** Views of these layers only (an instance serving role app holds just the gold layer). */
  public LakeViews(DuckDbDatabase database, LakeScanner scanner, java.util.Set<Layer> layers) {
    this.database = requireNonNull(database, "database is null");
    this.scanner = requireNonNull(scanner, "scanner is null");
    this.layers = java.util.Set.copyOf(layers);
    this.schemas = new FileSchemas(database);
  }

  /** Creates the layer schemas and (re)creates one view per dataset; returns what it found. */
  @Override
  public List<Dataset> refresh() {
    return writeViews(database::execute);
  }

  /**
   * Runs the statements that create the layer schemas and one view per dataset on {@code run}
   * (another database than this instance's own, for a catalog built in a file); the Parquet
   * footers are still read through this instance. Returns the datasets found.
   */
  List<Dataset> writeViews(java.util.function.Consumer<String> run) {
    for (Layer layer : Layer.values()) {
      if (layers.contains(layer)) {
        run.accept("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(layer.schemaName()));
      }
    }
    List<Dataset> datasets = new java.util.ArrayList<>();
    for (Dataset dataset : scanner.scan()) {
      if (layers.contains(dataset.layer())) {
        run.accept(viewDefinition(dataset, schemas));
        datasets.add(dataset);
      }
    }
    return datasets;
  }

  /**
   * The dataset's view over the files it has now, listed by name rather than by a glob: a batch
   * committed while a query runs, or half renamed into place, is not seen until the next refresh,
   * which follows the commit's change marker, so each batch appears whole or not at all.
   */
  static String viewDefinition(Dataset dataset) {
    return viewDefinition(dataset, null);
  }

  /**
   * As above; with {@code schemas}, files that all share one schema are read without
   * {@code union_by_name} (same columns, same order, same types: the same rows, and DuckDB reads one
   * footer to bind instead of all of them).
   */
  static String viewDefinition(Dataset dataset, FileSchemas schemas) {
    io.analytics.catalog.lake.DatasetFiles files = io.analytics.catalog.lake.DatasetFiles.of(dataset.directory());
    boolean alike = schemas != null && !files.isEmpty() && schemas.allAlike(files.files());
    StringBuilder list = new StringBuilder("[");
    for (java.nio.file.Path file : files.files()) {
      list.append(list.length() > 1 ? ", " : "").append(SqlIdentifiers.literal(file.toString()));
    }
    list.append(']');
    return "CREATE OR REPLACE VIEW "
        + SqlIdentifiers.quote(dataset.layer().schemaName())
        + "."
        + SqlIdentifiers.quote(dataset.name())
        + " AS SELECT * FROM read_parquet("
        + (files.isEmpty() ? SqlIdentifiers.literal(dataset.parquetGlob()) : list.toString())
        + (alike ? ", hive_partitioning = true)" : ", hive_partitioning = true, union_by_name = true)");
  }
}
