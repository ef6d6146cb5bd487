package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The assignments of {@code INSERT ... ON CONFLICT ... DO UPDATE SET col = value, ...} that store into a column
 * declared {@code numeric} without precision are checked row by row, as {@link UnconstrainedNumericExpressions}
 * checks UPDATE ... SET: DuckDB's cast to DECIMAL(38,10) rounded a value of more decimals silently, where PostgreSQL
 * keeps every digit. DuckDB infers no parameter type there, so the assigned columns' types come from a never-run
 * probe of the target table, only for statements with such a clause.
 */
public final class UnconstrainedNumericConflictUpdates {
  private final Function<String, List<String>> columnTypes;

  /** @param columnTypes the DuckDB types of the result columns of a query (prepared, never run) */
  public UnconstrainedNumericConflictUpdates(Function<String, List<String>> columnTypes) {
    this.columnTypes = requireNonNull(columnTypes, "columnTypes is null");
  }

  public SqlStatement apply(SqlStatement statement) {
    InsertTarget target = InsertTarget.of(statement);
    int set = target == null ? -1 : updateSet(statement.tokens(), target.next());
    if (set < 0) {
      return statement;
    }
    List<Token> tokens = statement.tokens();
    List<int[]> assignments = assignments(tokens, set + 1);
    if (assignments.isEmpty()) {
      return statement;
    }
    StringJoiner columns = new StringJoiner(", ");
    for (int[] assignment : assignments) {
      columns.add(tokens.get(assignment[0]).text());
    }
    List<String> types;
    try {
      types = columnTypes.apply("SELECT " + columns + " FROM " + target.table() + " LIMIT 0");
    } catch (RuntimeException e) {
      return statement; // DuckDB reports what is wrong with the statement itself when it runs
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < assignments.size() && i < types.size(); i++) {
      if (UnconstrainedNumericValues.isUnconstrained(types.get(i))) {
        int start = tokens.get(assignments.get(i)[1]).start();
        int end = tokens.get(assignments.get(i)[2] - 1).end();
        edits.replace(start, end, UnconstrainedNumericExpressions.checkedValue(statement.sql().substring(start, end)));
      }
    }
    return edits.result();
  }

  /** The index of SET in a top-level {@code ON CONFLICT ... DO UPDATE SET}, or -1. */
  private static int updateSet(List<Token> tokens, int from) {
    int depth = 0;
    boolean conflict = false;
    for (int i = from; i + 2 < tokens.size(); i++) {
      Token token = tokens.get(i);
      depth += token.isPunctuation('(') ? 1 : token.isPunctuation(')') ? -1 : 0;
      conflict |= depth == 0 && token.is("ON") && tokens.get(i + 1).is("CONFLICT");
      if (conflict && depth == 0 && token.is("DO") && tokens.get(i + 1).is("UPDATE") && tokens.get(i + 2).is("SET")) {
        return i + 2;
      }
    }
    return -1;
  }

  /** {column, value start, value end} of each {@code column = value} at depth 0, up to WHERE, RETURNING or the end. */
  private static List<int[]> assignments(List<Token> tokens, int from) {
    List<int[]> assignments = new ArrayList<>();
    int depth = 0;
    int itemStart = from;
    for (int i = from; i <= tokens.size(); i++) {
      Token token = i < tokens.size() ? tokens.get(i) : null;
      boolean end = token == null || depth == 0 && (token.type() == TokenType.SEMICOLON || token.is("WHERE") || token.is("RETURNING"));
      if (end || depth == 0 && token.isPunctuation(',')) {
        if (i - itemStart >= 3 && isColumn(tokens.get(itemStart)) && tokens.get(itemStart + 1).text().equals("=")) {
          assignments.add(new int[] {itemStart, itemStart + 2, i});
        } else if (i > itemStart) {
          return List.of(); // SET (a, b) = ... or a form this reading does not follow
        }
        if (end) {
          return assignments;
        }
        itemStart = i + 1;
      } else if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      }
    }
    return assignments;
  }

  private static boolean isColumn(Token token) {
    return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
  }
}
