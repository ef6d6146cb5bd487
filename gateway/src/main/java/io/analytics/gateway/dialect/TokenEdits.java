package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of source spans of one statement, applied together into a new statement. */
final class TokenEdits {
  private record Edit(int start, int end, String text) {}

  private final SqlStatement statement;
  private final List<Edit> edits = new ArrayList<>();

  TokenEdits(SqlStatement statement) {
    this.statement = statement;
  }

  /** Replaces the source characters {@code start..end} (exclusive) with {@code text}. */
  void replace(int start, int end, String text) {
    edits.add(new Edit(start, end, text));
  }

  /** The edited statement, lexed again; the statement itself when nothing was replaced. */
  SqlStatement result() {
    if (edits.isEmpty()) {
      return statement;
    }
    edits.sort(Comparator.comparingInt(Edit::start));
    String sql = statement.sql();
    StringBuilder out = new StringBuilder(sql.length() + 32);
    int copied = 0;
    for (Edit edit : edits) {
      if (edit.start() < copied) {
        continue; // overlapping edits: the first one wins
      }
      out.append(sql, copied, edit.start()).append(edit.text());
      copied = edit.end();
    }
    out.append(sql, copied, sql.length());
    SqlStatement edited = SqlStatement.parse(out.toString());
    return new SqlStatement(edited.sql(), edited.tokens(), statement.offsetInQuery());
  }
}
