package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Optional;

/**
 * Drops PostgreSQL's physical storage clauses from CREATE TABLE, which say nothing DuckDB could use
 * and which it refuses: {@code WITH (fillfactor=100, ...)}, {@code WITHOUT OIDS}, {@code USING heap}
 * and {@code TABLESPACE name} after the element list (pgbench -i sends the first).
 */
public final class TableStorageOptions {
  private TableStorageOptions() {}

  /** The statement without its storage clauses, or empty when it has none. */
  public static Optional<String> translate(SqlStatement statement) {
    Optional<CreateTableShape> shape = CreateTableShape.of(statement);
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    TextEdits edits = new TextEdits();
    int i = shape.get().close() + 1;
    while (i < statement.size()) {
      String word = statement.keyword(i);
      int end;
      if (word.equals("WITH") && i + 1 < statement.size() && statement.token(i + 1).isPunctuation('(')) {
        end = CreateTableShape.closingParen(statement, i + 1) + 1;
      } else if (word.equals("WITHOUT") && statement.keyword(i + 1).equals("OIDS")) {
        end = i + 2;
      } else if ((word.equals("USING") || word.equals("TABLESPACE")) && i + 1 < statement.size()) {
        end = i + 2;
      } else {
        i++;
        continue;
      }
      if (end <= i || end > statement.size()) {
        return Optional.empty();
      }
      edits.replace(statement.token(i).start(), statement.token(end - 1).end(), "");
      i = end;
    }
    return edits.isEmpty() ? Optional.empty() : Optional.of(edits.applyTo(statement.sql()).strip());
  }
}
