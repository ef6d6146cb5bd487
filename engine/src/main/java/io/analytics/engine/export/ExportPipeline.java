package io.analytics.engine.export;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetReplacer;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.lake.ProgressListener;
import io.analytics.engine.postgres.ExportMode;
import io.analytics.engine.postgres.PostgresExporter;
import io.analytics.engine.postgres.PostgresTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes query results as tables for apps and dashboards: {@link #exportToParquet} writes a
 * dataset of a layer (gold by default), replacing it atomically; {@link #exportToPostgres} writes a
 * table of a PostgreSQL source (append, replace or upsert). The query runs in the pipeline's
 * own DuckDB over the lake and the home's SQL views, never opening the warehouse file.
 */
public final class ExportPipeline {
  private final PipelineConfig config;
  private final CommitHooks hooks;
  private final ProgressListener progress;

  public ExportPipeline(PipelineConfig config) {
    this(config, CommitHooks.NONE, ProgressListener.NONE);
  }

  public ExportPipeline(PipelineConfig config, CommitHooks hooks, ProgressListener progress) {
    this.config = requireNonNull(config, "config is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /**
   * Writes the rows of {@code query} (over the lake and the home's SQL views) into the PostgreSQL
   * table {@code targetTable}, named {@code SOURCE.table} or {@code SOURCE.schema.table} after a
   * configured source that is not read-only; bulk-loaded with binary COPY in one transaction.
   */
  public ExportResult exportToPostgres(String query, String targetTable, ExportMode mode) {
    return exportToPostgres(query, targetTable, mode, List.of());
  }

  /** As {@link #exportToPostgres(String, String, ExportMode)}, upserting on {@code keys} (default: the primary key). */
  public ExportResult exportToPostgres(String query, String targetTable, ExportMode mode, List<String> keys) {
    requireNonNull(query, "query is null");
    Instant start = Instant.now();
    PostgresTarget target = PostgresTarget.parse(config.platform(), targetTable);
    String select = query.trim().replaceAll(";+\\s*$", "");
    try (LakeSession session = LakeSession.openWithViews(config.home(), config.platform())) {
      long rows = new PostgresExporter(target).export(session.connection(), select, mode, keys);
      return new ExportResult("postgres:" + target.displayName(), rows, Duration.between(start, Instant.now()));
    }
  }

  /** Exports to {@code gold.<table>}. */
  public ExportResult exportToParquet(String query, String table) {
    return exportToParquet(query, table, Layer.GOLD);
  }

  /** Writes the rows of {@code query} as the dataset {@code layer.table}, replacing what was there. */
  public ExportResult exportToParquet(String query, String table, Layer layer) {
    return exportToParquet(query, table, layer, List.of());
  }

  public ExportResult exportToParquet(String query, String table, Layer layer, List<String> partitionCols) {
    requireNonNull(query, "query is null");
    Instant start = Instant.now();
    Dataset dataset = new LakeScanner(config.home()).dataset(layer, table);
    String select = query.trim().replaceAll(";+\\s*$", "");
    try (LakeSession session = LakeSession.openWithViews(config.home(), config.platform())) {
      long rows = new DatasetReplacer(session, hooks, progress).replace(dataset, select, partitionCols, null, "export");
      return new ExportResult(dataset.qualifiedName(), rows, Duration.between(start, Instant.now()));
    }
  }
}
