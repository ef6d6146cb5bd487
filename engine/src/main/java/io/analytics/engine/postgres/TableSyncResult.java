package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What syncing one table did.
 *
 * @param mirror the mirror table, {@code source.name}
 * @param method {@code full}, {@code upsert} (rows changed since the last sync, by primary key),
 *     {@code append} (rows with a larger key) or {@code cdc} (streamed by change capture: left alone)
 * @param rowsRead rows read from PostgreSQL
 * @param rowsInMirror rows the mirror holds now
 * @param warnings columns not carried faithfully
 * @param error why the sync failed (the old mirror is untouched), or null
 */
public record TableSyncResult(
    String mirror, String method, long rowsRead, long rowsInMirror, List<String> warnings, Duration duration,
    String error) {
  public TableSyncResult {
    requireNonNull(mirror, "mirror is null");
    requireNonNull(method, "method is null");
    warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    requireNonNull(duration, "duration is null");
  }

  public boolean failed() {
    return error != null;
  }

  public String summary() {
    if (failed()) {
      return mirror + ": sync failed, mirror unchanged: " + error;
    }
    if (method.equals("cdc")) {
      return mirror + ": streamed by change capture (not copied; see analytics status for its lag)";
    }
    return mirror + ": " + method + " sync, " + rowsRead + " rows read, " + rowsInMirror + " rows in mirror ("
        + duration.toMillis() + " ms)";
  }
}
