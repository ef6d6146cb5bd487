package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One committed batch of a dataset, as its ledger {@code _ingest_log.jsonl} records it.
 *
 * @param batchId the batch's id (also part of its file names)
 * @param contentHash SHA-256 of the batch's content; a batch with a hash already recorded is skipped
 * @param source where the batch came from (file names, "rows", "arrow", a query)
 * @param rows rows written
 * @param rejected rows rejected
 * @param files files written
 * @param committedAt ISO-8601 instant of the commit
 */
public record LedgerEntry(
    String batchId, String contentHash, String source, long rows, long rejected, int files, String committedAt) {
  @JsonCreator
  public LedgerEntry(
      @JsonProperty("batchId") String batchId,
      @JsonProperty("contentHash") String contentHash,
      @JsonProperty("source") String source,
      @JsonProperty("rows") long rows,
      @JsonProperty("rejected") long rejected,
      @JsonProperty("files") int files,
      @JsonProperty("committedAt") String committedAt) {
    this.batchId = requireNonNull(batchId, "batchId is null");
    this.contentHash = requireNonNull(contentHash, "contentHash is null");
    this.source = requireNonNull(source, "source is null");
    this.rows = rows;
    this.rejected = rejected;
    this.files = files;
    this.committedAt = requireNonNull(committedAt, "committedAt is null");
  }
}
