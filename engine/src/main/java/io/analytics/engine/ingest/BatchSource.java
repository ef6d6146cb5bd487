package io.analytics.engine.ingest;

import io.analytics.engine.lake.LakeSession;

/** Where a batch comes from: it knows its content hash and how to show itself to DuckDB as a relation. */
interface BatchSource {
  /** SHA-256 of the content: the same content is the same batch. */
  String contentHash();

  /** How the ledger describes it. */
  String description();

  /** Makes the batch readable as {@code name} in the session (a view or a temporary table). */
  void register(LakeSession session, String name, boolean allText);

  /**
   * Prepares the source before it is registered; {@code scratch} is a directory of the batch's
   * staging area for any files it needs to write (a CSV file without its malformed records).
   */
  default void stage(java.nio.file.Path scratch) {}

  /** The records found malformed while staging (never part of the relation registered). */
  default java.util.List<MalformedRecord> malformed() {
    return java.util.List.of();
  }

  /** Whether rows carry their 1-based position in a {@code __row} column. */
  default boolean hasRowNumbers() {
    return false;
  }
}
