package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.schema.TableSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a query's result as the new content of a dataset and swaps it in atomically: the old
 * dataset stays visible until the new one has been written, verified and synced completely.
 */
public final class DatasetReplacer {
  private final LakeSession session;
  private final CommitHooks hooks;
  private final ProgressListener progress;

  public DatasetReplacer(LakeSession session, CommitHooks hooks, ProgressListener progress) {
    this.session = requireNonNull(session, "session is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /**
   * Replaces {@code target} with the rows of {@code select}; returns the rows written. The dataset's
   * declared schema is kept, or set to {@code schema} when that is given.
   */
  public long replace(Dataset target, String select, List<String> partitionBy, TableSchema schema, String source) {
    return replace(target, select, partitionBy, schema, source, false);
  }

  /**
   * As {@link #replace(Dataset, String, List, TableSchema, String)}; with {@code keepLedger} the
   * dataset's ledger is carried over (when the rows are the same, e.g. compaction), so batches
   * ingested before are still recognized.
   */
  public long replace(
      Dataset target, String select, List<String> partitionBy, TableSchema schema, String source, boolean keepLedger) {
    return replace(target, select, partitionBy, schema, source, keepLedger, null);
  }

  /** As above, the rows written in {@code layout} (recorded in the dataset) when it is not null. */
  public long replace(Dataset target, String select, List<String> partitionBy, TableSchema schema, String source,
      boolean keepLedger, SortedLayout layout) {
    StagingArea staging = new StagingArea(session.home());
    Path stagingDirectory = staging.create("replace-" + target.layer().schemaName() + "-" + target.name());
    try {
      Path stagedDataset = stagingDirectory.resolve("dataset");
      String batchId = BatchIds.next(source + "|" + select);
      StagedFiles files =
          new ParquetBatchWriter(session, progress).write("writing", select, stagedDataset, partitionBy, "part-" + batchId, true, layout);
      if (layout != null) {
        layout.write(stagedDataset);
      }
      TableSchema declared = schema != null ? schema : DeclaredSchemaFile.read(target.directory()).orElse(null);
      if (declared != null) {
        DeclaredSchemaFile.write(stagedDataset, declared);
      }
      if (keepLedger) {
        new IngestLedger(target.directory()).entries().forEach(new IngestLedger(stagedDataset)::append);
      }
      LedgerEntry entry =
          new LedgerEntry(batchId, BatchIds.hash(source + "|" + select + "|" + batchId), source, files.rows(), 0,
              files.files().size(), Instant.now().toString());
      new DatasetCommitter(session.home(), hooks).replace(stagingDirectory, stagedDataset, target.directory(), entry);
      return files.rows();
    } finally {
      StagingArea.discardUnlessCommitting(stagingDirectory);
    }
  }
}
