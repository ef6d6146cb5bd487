package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.lake.LakeSession;
import java.util.List;

/**
 * Puts a batch's malformed CSV records among its rejected rows, so they are counted, shown and
 * quarantined as rows with bad values are: each with its reason (file, line, what is wrong) and
 * the record's text as it is in the file ({@code _raw_record}), its columns left null.
 */
final class MalformedRows {
  static final String RAW_RECORD = "_raw_record";

  private MalformedRows() {}

  /** Refuses the batch: in strict mode a malformed record refuses it as an invalid row would. */
  static PlatformException refusal(String target, List<MalformedRecord> malformed) {
    return new PlatformException(SqlState.BAD_COPY_FILE_FORMAT,
        target + ": batch refused (strict mode): " + malformed.size() + " malformed "
            + (malformed.size() == 1 ? "record" : "records") + "; first: " + malformed.get(0),
        "nothing was written", null, 0, null);
  }

  /**
   * Adds the records to the session's table of rejected rows (created when the batch has no
   * validation, and so no such table yet); returns how many were added.
   */
  static long addTo(LakeSession session, String rejectedTable, List<MalformedRecord> malformed, boolean tableExists) {
    if (malformed.isEmpty()) {
      return 0;
    }
    if (tableExists) {
      session.execute("ALTER TABLE " + quote(rejectedTable) + " ADD COLUMN " + RAW_RECORD + " VARCHAR");
    } else {
      session.execute("CREATE TEMP TABLE " + quote(rejectedTable) + " (_row BIGINT, _reject_reason VARCHAR, " + RAW_RECORD + " VARCHAR)");
    }
    StringBuilder values = new StringBuilder();
    for (MalformedRecord record : malformed) {
      values.append(values.length() == 0 ? "" : ", ").append('(').append(literal(record.toString())).append(", ")
          .append(literal(record.text())).append(')');
    }
    session.execute("INSERT INTO " + quote(rejectedTable) + " (_reject_reason, " + RAW_RECORD + ") VALUES " + values);
    return malformed.size();
  }
}
