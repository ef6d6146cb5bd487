package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the parts of {@code CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS]
 * name (elements) ...} are among a statement's tokens; empty for every other statement (CREATE TABLE
 * AS included).
 *
 * @param nameParts the table name as written, one entry per dotted part (unquoted values)
 * @param open the index of the element list's opening parenthesis
 * @param close the index of its closing parenthesis
 * @param elements the [start, end) token ranges of the column definitions and table constraints
 */
record CreateTableShape(boolean temporary, List<String> nameParts, int open, int close, List<int[]> elements) {

  static Optional<CreateTableShape> of(SqlStatement statement) {
    if (!statement.keyword().equals("CREATE")) {
      return Optional.empty();
    }
    int i = 1;
    boolean temporary = false;
    while (List.of("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED").contains(statement.keyword(i))) {
      temporary |= statement.keyword(i).startsWith("TEMP");
      i++;
    }
    if (!statement.keyword(i).equals("TABLE")) {
      return Optional.empty();
    }
    i++;
    if (statement.keyword(i).equals("IF") && statement.keyword(i + 1).equals("NOT") && statement.keyword(i + 2).equals("EXISTS")) {
      i += 3;
    }
    List<String> nameParts = new ArrayList<>();
    while (i < statement.size() && (statement.token(i).type() == TokenType.WORD || statement.token(i).type() == TokenType.QUOTED_IDENTIFIER)) {
      nameParts.add(statement.token(i).value());
      if (i + 1 < statement.size() && statement.token(i + 1).isPunctuation('.')) {
        i += 2;
      } else {
        i++;
        break;
      }
    }
    if (nameParts.isEmpty() || i >= statement.size() || !statement.token(i).isPunctuation('(')) {
      return Optional.empty();
    }
    int open = i;
    List<int[]> elements = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int j = open; j < statement.size(); j++) {
      if (statement.token(j).isPunctuation('(')) {
        depth++;
      } else if (statement.token(j).isPunctuation(')')) {
        depth--;
        if (depth == 0) {
          if (j > start) {
            elements.add(new int[] {start, j});
          }
          return Optional.of(new CreateTableShape(temporary, List.copyOf(nameParts), open, j, List.copyOf(elements)));
        }
      } else if (depth == 1 && statement.token(j).isPunctuation(',')) {
        elements.add(new int[] {start, j});
        start = j + 1;
      }
    }
    return Optional.empty();
  }

  /** The unqualified table name. */
  String table() {
    return nameParts.get(nameParts.size() - 1);
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  static int closingParen(SqlStatement statement, int open) {
    int depth = 0;
    for (int i = open; i < statement.size(); i++) {
      if (statement.token(i).isPunctuation('(')) {
        depth++;
      } else if (statement.token(i).isPunctuation(')') && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
