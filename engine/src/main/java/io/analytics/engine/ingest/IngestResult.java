package io.analytics.engine.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one ingestion did.
 *
 * @param table the target, {@code layer.name}
 * @param batchId id of the batch (part of its file names and its ledger line)
 * @param skipped true when the same content was ingested before, so nothing was written
 * @param rowsWritten valid rows now visible in the table
 * @param rowsRejected rows that failed validation
 * @param rejections up to a sample of the rejected rows, with their reasons
 * @param filesWritten the Parquet files that became visible
 * @param quarantineTable where the rejected rows went ({@code layer.name_quarantine}), or null
 * @param duration wall time
 */
public record IngestResult(
    String table,
    String batchId,
    boolean skipped,
    long rowsWritten,
    long rowsRejected,
    List<Rejection> rejections,
    List<Path> filesWritten,
    String quarantineTable,
    Duration duration) {
  public IngestResult {
    requireNonNull(table, "table is null");
    requireNonNull(batchId, "batchId is null");
    rejections = List.copyOf(rejections);
    filesWritten = List.copyOf(filesWritten);
    requireNonNull(duration, "duration is null");
  }

  /** One line for a terminal. */
  public String summary() {
    if (skipped) {
      return table + ": batch " + batchId + " was already ingested; skipped (nothing written)";
    }
    return table + ": " + rowsWritten + " rows written in " + filesWritten.size() + " files, " + rowsRejected
        + " rejected" + (quarantineTable != null && rowsRejected > 0 ? " (kept in " + quarantineTable + ")" : "")
        + ", " + duration.toMillis() + " ms";
  }
}
