package io.analytics.engine.transform;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a transformation produced.
 *
 * @param table the table written ({@code silver.positions} or {@code derived.positions})
 * @param type where it lives
 * @param rows rows written
 * @param duration wall time
 */
public record TransformResult(String table, TargetType type, long rows, Duration duration) {
  public TransformResult {
    requireNonNull(table, "table is null");
    requireNonNull(type, "type is null");
    requireNonNull(duration, "duration is null");
  }

  public String summary() {
    return table + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + "): " + rows + " rows, " + duration.toMillis() + " ms";
  }
}
