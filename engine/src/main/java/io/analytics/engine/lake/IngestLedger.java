package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batches committed to one dataset, one JSON line each in {@code <dataset>/_ingest_log.jsonl}
 * (the '_' keeps it out of scans and globs). It is what makes re-running a batch a no-op.
 */
public final class IngestLedger {
  public static final String FILE_NAME = "_ingest_log.jsonl";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;

  public IngestLedger(Path datasetDirectory) {
    this.file = requireNonNull(datasetDirectory, "datasetDirectory is null").resolve(FILE_NAME);
  }

  /**
   * The recorded batches. A line cut short by a crash during an append is ignored: the commit it
   * belonged to is completed by recovery, which appends it again.
   */
  public List<LedgerEntry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<LedgerEntry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          entries.add(MAPPER.readValue(line, LedgerEntry.class));
        } catch (JsonProcessingException e) {
          continue;
        }
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return entries;
  }

  /** The batch with this content hash, if it was committed. */
  public Optional<LedgerEntry> findByContentHash(String contentHash) {
    return entries().stream().filter(e -> e.contentHash().equals(contentHash)).findFirst();
  }

  public boolean containsBatch(String batchId) {
    return entries().stream().anyMatch(e -> e.batchId().equals(batchId));
  }

  /** Appends an entry and forces it to disk. */
  public void append(LedgerEntry entry) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          MAPPER.writeValueAsString(entry) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      DurableFiles.fsync(file);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  public static String toJson(LedgerEntry entry) {
    try {
      return MAPPER.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot encode ledger entry: " + e.getMessage(), e);
    }
  }
}
