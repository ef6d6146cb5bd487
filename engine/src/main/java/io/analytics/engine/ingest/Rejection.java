package io.analytics.engine.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A row that failed validation.
 *
 * @param rowNumber 1-based position in an in-memory batch, or null for files
 * @param reason every problem of the row, separated by "; "
 * @param values the row's values as they arrived (text)
 */
public record Rejection(Long rowNumber, String reason, Map<String, String> values) {
  public Rejection {
    requireNonNull(reason, "reason is null");
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  @Override
  public String toString() {
    return (rowNumber == null ? "" : "row " + rowNumber + ": ") + reason;
  }
}
