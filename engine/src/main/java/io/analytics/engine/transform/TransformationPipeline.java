package io.analytics.engine.transform;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetReplacer;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.lake.ProgressListener;
import io.analytics.engine.lake.TableName;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.engine.warehouse.WarehouseConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns SQL over the lake into new tables: a Parquet dataset of a layer (written by DuckDB and
 * swapped in atomically) or a DuckDB table in the warehouse's {@code derived} schema (the warehouse file's own catalog is called warehouse). Parquet
 * targets are computed in the pipeline's own DuckDB, which sees the lake's datasets, the home's
 * {@code sql/views} and the views made with {@link #createParquetView}; DuckDB targets are computed
 * by the warehouse (through the gateway when one runs), which sees the lake and its own tables.
 */
public final class TransformationPipeline implements AutoCloseable {
  /** The warehouse schema holding the DuckDB tables transformations make. */
  public static final String WAREHOUSE_SCHEMA = "derived";

  private final PipelineConfig config;
  private final WarehouseConnector warehouse;
  private final CommitHooks hooks;
  private final ProgressListener progress;
  private LakeSession session;

  public TransformationPipeline(PipelineConfig config) {
    this(config, new WarehouseConnector(config.home(), config.platform(), System.getenv()), CommitHooks.NONE, ProgressListener.NONE);
  }

  public TransformationPipeline(
      PipelineConfig config, WarehouseConnector warehouse, CommitHooks hooks, ProgressListener progress) {
    this.config = requireNonNull(config, "config is null");
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** The pipeline's own DuckDB session, opened on first use (lake views and the home's SQL views). */
  public LakeSession session() {
    if (session == null) {
      session = LakeSession.openWithViews(config.home(), config.platform());
    }
    return session;
  }

  /**
   * Creates (or replaces) the view {@code viewName} over the Parquet files of {@code dataset}
   * ({@code layer.name}), hive-partitioned, for later transformations of this pipeline.
   */
  public String createParquetView(String dataset, String viewName) {
    TableName name = TableName.parse(dataset, Layer.BRONZE);
    Dataset source = new LakeScanner(config.home()).dataset(name.layer(), name.name());
    if (DatasetFilesCheck.isEmpty(source)) {
      throw new PlatformException(SqlState.UNDEFINED_TABLE, "dataset " + name.qualified() + " has no Parquet files");
    }
    session().execute("CREATE OR REPLACE VIEW " + quoteQualified(viewName) + " AS SELECT * FROM read_parquet("
        + literal(source.parquetGlob()) + ", hive_partitioning = true, union_by_name = true)");
    return viewName;
  }

  /**
   * Runs {@code query} and stores its result as {@code target}: with PARQUET the dataset
   * {@code layer.target} is replaced atomically (partitioned by {@code partitionCols}); with DUCKDB
   * the table {@code derived.target} is created or replaced, commented with its layer.
   */
  public TransformResult transformSql(String query, String target, TargetType type, Layer layer, List<String> partitionCols) {
    return transformSql(query, target, type, layer, partitionCols, List.of());
  }

  /**
   * As above; a Parquet target with {@code sortBy} columns is written sorted by them in small row
   * groups ({@link io.analytics.engine.lake.SortedLayout}), so lookups by those keys skip row groups.
   */
  public TransformResult transformSql(
      String query, String target, TargetType type, Layer layer, List<String> partitionCols, List<String> sortBy) {
    requireNonNull(query, "query is null");
    requireNonNull(target, "target is null");
    requireNonNull(type, "type is null");
    requireNonNull(layer, "layer is null");
    List<String> partitions = partitionCols == null ? List.of() : List.copyOf(partitionCols);
    Instant start = Instant.now();
    String select = stripTrailingSemicolon(query);
    if (type == TargetType.PARQUET) {
      Dataset dataset = new LakeScanner(config.home()).dataset(layer, target);
      io.analytics.engine.lake.SortedLayout layout = sortBy == null || sortBy.isEmpty()
          ? null : io.analytics.engine.lake.SortedLayout.sortedBy(sortBy);
      long rows = new DatasetReplacer(session(), hooks, progress).replace(dataset, select, partitions, null, "transform", false, layout);
      session().refreshLakeViews();
      return new TransformResult(dataset.qualifiedName(), type, rows, Duration.between(start, Instant.now()));
    }
    if (!partitions.isEmpty()) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "DuckDB tables are not partitioned; drop the partition columns");
    }
    String table = quote(WAREHOUSE_SCHEMA) + "." + quote(target);
    try (WarehouseConnection connection = warehouse.open()) {
      connection.execute("CREATE SCHEMA IF NOT EXISTS " + quote(WAREHOUSE_SCHEMA));
      connection.execute("CREATE OR REPLACE TABLE " + table + " AS " + select + "\n");
      connection.execute("COMMENT ON TABLE " + table + " IS " + literal("layer=" + layer.schemaName()));
      long rows = Long.parseLong(connection.queryStrings("SELECT count(*) FROM " + table).get(0).get(0));
      return new TransformResult(WAREHOUSE_SCHEMA + "." + target, type, rows, Duration.between(start, Instant.now()));
    }
  }

  private static String quoteQualified(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
  }

  static String stripTrailingSemicolon(String query) {
    String trimmed = query.trim();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
    }
    return trimmed;
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  /** Whether a dataset folder has visible Parquet files. */
  private static final class DatasetFilesCheck {
    static boolean isEmpty(Dataset dataset) {
      return io.analytics.catalog.lake.DatasetFiles.of(dataset.directory()).isEmpty();
    }
  }
}
