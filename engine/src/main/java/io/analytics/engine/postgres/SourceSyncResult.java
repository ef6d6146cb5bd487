package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What syncing one source did.
 *
 * @param source the source's name
 * @param path {@code mirror} (tables copied into DuckDB) or {@code attach} (DuckDB's postgres extension)
 * @param pathReason why that path (for mirror: why the extension is not used)
 * @param error why the source could not be reached, or null
 * @param tables per table results (mirror path)
 */
public record SourceSyncResult(String source, String path, String pathReason, String error, List<TableSyncResult> tables) {
  public SourceSyncResult {
    requireNonNull(source, "source is null");
    requireNonNull(path, "path is null");
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
  }

  /** Whether the source was reached and every table synced. */
  public boolean succeeded() {
    return error == null && tables.stream().noneMatch(TableSyncResult::failed);
  }

  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    lines.add(source + ": " + path + " path" + (pathReason == null ? "" : " (" + pathReason + ")")
        + (error == null ? "" : ": " + error));
    for (TableSyncResult table : tables) {
      lines.add("  " + table.summary());
      table.warnings().forEach(warning -> lines.add("    warning: " + warning));
    }
    return lines;
  }
}
