package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.ParquetBatchWriter;
import io.analytics.engine.lake.ProgressListener;
import io.analytics.engine.lake.ProgressingStatement;
import io.analytics.engine.lake.StagedFiles;
import io.analytics.engine.lake.StagingArea;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a batch and, when every row is valid (the usual case), writes it in the same pass over
 * the source: the write's filter raises on the first invalid row instead of dropping it, so a write
 * that completes proves there was none. Only a batch with invalid rows is read twice, as before:
 * once to keep its rejected rows (for the report, strict mode and quarantine), once to write the
 * valid ones. The partial files of the abandoned single pass are deleted from staging first.
 */
final class ValidatingWrite {
  /** The phase name of the single pass, for progress lines. */
  static final String SINGLE_PASS_PHASE = "validating and writing";

  private final LakeSession session;
  private final ValidationQuery query;
  private final ProgressListener progress;
  private final String rejectedTable;

  /** What validation found: the valid rows' files if the single pass wrote them (else null), and the rows it rejected. */
  record Result(StagedFiles written, long rejected) {}

  ValidatingWrite(LakeSession session, ValidationQuery query, ProgressListener progress, String rejectedTable) {
    this.session = requireNonNull(session, "session is null");
    this.query = requireNonNull(query, "query is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.rejectedTable = requireNonNull(rejectedTable, "rejectedTable is null");
  }

  /**
   * Tries the single pass into {@code root}; in every case leaves the table of rejected rows
   * created (empty when the single pass succeeded).
   */
  Result validate(ParquetBatchWriter writer, Path root, List<String> partitions, String filePrefix) {
    String create = "CREATE TEMP TABLE " + quote(rejectedTable) + " AS ";
    try {
      StagedFiles written = writer.write(
          SINGLE_PASS_PHASE, query.validSelectRaisingOnInvalidRows(), root, partitions, filePrefix, false);
      session.execute(create + "SELECT * FROM (" + query.rejectedSelect() + ") LIMIT 0");
      return new Result(written, 0);
    } catch (PlatformException e) {
      if (e.getMessage() == null || !e.getMessage().contains(ValidationQuery.INVALID_ROW_RAISED)) {
        throw e;
      }
    }
    StagingArea.deleteRecursively(root);
    long rejected = new ProgressingStatement(session.connection(), progress).run("validating", create + query.rejectedSelect());
    return new Result(null, rejected);
  }
}
