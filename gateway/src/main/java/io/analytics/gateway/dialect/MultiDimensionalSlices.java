package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Subscripts of two or more dimensions with a slice among them, {@code b[:2][:2]}: PostgreSQL cuts each dimension
 * of its one multi-dimensional array ({@code {{1,2},{4,5}}}), where DuckDB applied every subscript to the outer list
 * ({@code [[1,2,3],[4,5,6]]}), a silently wrong value. Each further subscript is applied inside the lists with
 * {@code list_transform}, and, as in PostgreSQL, a subscript without a colon among slices is the slice from 1 to it
 * ({@code b[2:3][2]} is {@code b[2:3][1:2]}).
 */
public final class MultiDimensionalSlices implements DialectStage {
  /** Words a parenthesized operand may follow that are not the name of a function called with it. */
  private static final Set<String> NOT_FUNCTIONS = Set.of("select", "where", "and", "or", "not", "on", "in", "as", "when", "then",
      "else", "by", "from", "returning", "values", "set", "having", "join", "is", "like", "between", "case", "distinct", "all",
      "any", "some", "exists", "using", "with", "limit", "offset", "end", "array", "row");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.isPunctuation('['))) {
      return statement;
    }
    TokenEdits edits = null;
    for (int i = 1; i < tokens.size(); i++) {
      if (!tokens.get(i).isPunctuation('[') || !endsOperand(statement, i - 1)) {
        continue;
      }
      List<int[]> groups = new ArrayList<>();
      int at = i;
      while (at < tokens.size() && tokens.get(at).isPunctuation('[')) {
        int close = statement.closingBracket(at);
        if (close < 0) {
          break;
        }
        groups.add(new int[] {at, close});
        at = close + 1;
      }
      int last = groups.isEmpty() ? i : groups.get(groups.size() - 1)[1];
      if (groups.size() >= 2 && groups.stream().anyMatch(group -> isSlice(tokens, group)) && !(at < tokens.size() && tokens.get(at).text().equals("="))) {
        int start = operandStart(statement, i - 1);
        String operand = statement.sql().substring(tokens.get(start).start(), tokens.get(i - 1).end());
        edits = edits == null ? new TokenEdits(statement) : edits;
        edits.replace(tokens.get(start).start(), tokens.get(last).end(), sliced(statement, operand, groups, 0));
      }
      i = last;
    }
    return edits == null ? statement : edits.result();
  }

  private static String sliced(SqlStatement statement, String operand, List<int[]> groups, int from) {
    String cut = operand + "[" + asSlice(statement, groups.get(from)) + "]";
    if (from == groups.size() - 1) {
      return cut;
    }
    String element = "pg_e" + (from + 1);
    return "list_transform(" + cut + ", lambda " + element + ": " + sliced(statement, element, groups, from + 1) + ")";
  }

  private static String asSlice(SqlStatement statement, int[] group) {
    String inside = statement.sql().substring(statement.token(group[0]).end(), statement.token(group[1]).start()).strip();
    return isSlice(statement.tokens(), group) ? inside : ":" + inside;
  }

  private static boolean isSlice(List<Token> tokens, int[] group) {
    int depth = 0;
    for (int k = group[0] + 1; k < group[1]; k++) {
      Token token = tokens.get(k);
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      } else if (depth == 0 && token.text().equals(":")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the token at {@code end} ends an operand a subscript may follow: a name, a parenthesis or an ARRAY[...]. */
  private static boolean endsOperand(SqlStatement statement, int end) {
    Token token = statement.token(end);
    if (token.type() == TokenType.QUOTED_IDENTIFIER || token.isPunctuation(')')) {
      return true;
    }
    if (token.type() == TokenType.WORD) {
      return !token.is("ARRAY") && !NOT_FUNCTIONS.contains(token.value());
    }
    if (token.isPunctuation(']')) {
      int open = openingBracket(statement, end);
      return open > 0 && statement.token(open - 1).is("ARRAY");
    }
    return false;
  }

  private static int operandStart(SqlStatement statement, int end) {
    Token token = statement.token(end);
    int start = end;
    if (token.isPunctuation(']')) {
      return openingBracket(statement, end) - 1;
    }
    if (token.isPunctuation(')')) {
      start = statement.openingParenthesis(end);
      Token before = start > 0 ? statement.token(start - 1) : null;
      if (before == null || before.type() != TokenType.WORD && before.type() != TokenType.QUOTED_IDENTIFIER
          || NOT_FUNCTIONS.contains(before.value())) {
        return start;
      }
      start--;
    }
    while (start >= 2 && statement.token(start - 1).isPunctuation('.')
        && (statement.token(start - 2).type() == TokenType.WORD || statement.token(start - 2).type() == TokenType.QUOTED_IDENTIFIER)) {
      start -= 2;
    }
    return start;
  }

  private static int openingBracket(SqlStatement statement, int close) {
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      Token token = statement.token(k);
      if (token.isPunctuation(']')) {
        depth++;
      } else if (token.isPunctuation('[') && --depth == 0) {
        return k;
      }
    }
    return -1;
  }
}
