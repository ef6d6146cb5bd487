package io.analytics.engine.export;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What an export wrote.
 *
 * @param table the table written, {@code layer.name}
 * @param rows rows written
 * @param duration wall time
 */
public record ExportResult(String table, long rows, Duration duration) {
  public ExportResult {
    requireNonNull(table, "table is null");
    requireNonNull(duration, "duration is null");
  }

  public String summary() {
    return table + ": " + rows + " rows exported in " + duration.toMillis() + " ms";
  }
}
