package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DROP TABLE|VIEW|SEQUENCE|INDEX [IF EXISTS] a, b, c [CASCADE|RESTRICT]} and
 * {@code TRUNCATE [TABLE] [ONLY] a, b [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT]}: PostgreSQL
 * takes several objects, DuckDB one at a time, so they become one statement per object.
 */
public final class MultiObjectStatements {
  private static final Set<String> DROPPABLE = Set.of("TABLE", "VIEW", "SEQUENCE", "INDEX", "SCHEMA", "TYPE");

  private MultiObjectStatements() {}

  /** One statement per object, joined with "; ", or empty when the statement names one object. */
  public static Optional<String> translate(SqlStatement statement) {
    String prefix;
    int first;
    if (statement.keyword().equals("DROP") && DROPPABLE.contains(statement.keyword(1))) {
      boolean ifExists = statement.keyword(2).equals("IF") && statement.keyword(3).equals("EXISTS");
      first = ifExists ? 4 : 2;
      prefix = "DROP " + statement.keyword(1) + (ifExists ? " IF EXISTS " : " ");
    } else if (statement.keyword().equals("TRUNCATE")) {
      first = statement.keyword(1).equals("TABLE") ? 2 : 1;
      if (statement.keyword(first).equals("ONLY")) {
        first++;
      }
      prefix = "TRUNCATE ";
    } else {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    int start = first;
    int i = first;
    for (; i < statement.size(); i++) {
      if (statement.token(i).isPunctuation(',')) {
        names.add(text(statement, start, i));
        start = i + 1;
      } else if (Set.of("CASCADE", "RESTRICT", "RESTART", "CONTINUE").contains(statement.keyword(i))) {
        break;
      }
    }
    if (names.isEmpty() || start >= i) {
      return Optional.empty();
    }
    names.add(text(statement, start, i));
    String suffix = statement.keyword().equals("DROP") && i < statement.size() ? " " + statement.textFrom(i) : "";
    List<String> statements = new ArrayList<>();
    for (String name : names) {
      statements.add(prefix + name + suffix);
    }
    return Optional.of(String.join("; ", statements));
  }

  private static String text(SqlStatement statement, int from, int to) {
    return statement.sql().substring(statement.token(from).start(), statement.token(to - 1).end());
  }
}
