package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The value expressions a statement stores: each item of the rows of {@code INSERT ... VALUES (...), (...)}
 * and each right-hand side of {@code UPDATE ... SET a = ..., b = ...} (a parenthesized column list
 * {@code SET (a, b) = ...} is left out), as token spans; none for other statements.
 */
final class StoredValues {
  /** Tokens {@code start} (inclusive) to {@code end} (exclusive) of one stored expression. */
  record Span(int start, int end) {}

  private static final Set<String> INSERT_ENDS = Set.of("ON", "RETURNING");
  private static final Set<String> UPDATE_ENDS = Set.of("FROM", "WHERE", "RETURNING");

  private StoredValues() {}

  static List<Span> of(SqlStatement statement) {
    String keyword = statement.keyword();
    if (keyword.equals("INSERT")) {
      return insertedValues(statement.tokens());
    }
    return keyword.equals("UPDATE") ? assignedValues(statement.tokens()) : List.of();
  }

  private static List<Span> insertedValues(List<Token> tokens) {
    return insertedRows(tokens).stream().flatMap(List::stream).toList();
  }

  /** The items of each row of {@code INSERT ... VALUES (...), (...)}, in order; none for other statements. */
  static List<List<Span>> insertedRows(SqlStatement statement) {
    return statement.keyword().equals("INSERT") ? insertedRows(statement.tokens()) : List.of();
  }

  private static List<List<Span>> insertedRows(List<Token> tokens) {
    int values = topLevelWord(tokens, 0, "VALUES");
    List<List<Span>> rows = new ArrayList<>();
    int i = values + 1;
    while (values >= 0 && i < tokens.size() && tokens.get(i).isPunctuation('(')) {
      int close = closing(tokens, i);
      if (close < 0) {
        return List.of();
      }
      rows.add(items(tokens, i + 1, close));
      i = close + 1;
      if (i < tokens.size() && tokens.get(i).isPunctuation(',')) {
        i++;
      } else if (i < tokens.size() && !isEnd(tokens.get(i), INSERT_ENDS)) {
        return List.of();
      }
    }
    return rows;
  }

  private static List<Span> assignedValues(List<Token> tokens) {
    int set = topLevelWord(tokens, 0, "SET");
    if (set < 0) {
      return List.of();
    }
    int end = set + 1;
    int depth = 0;
    while (end < tokens.size() && !(depth == 0 && isEnd(tokens.get(end), UPDATE_ENDS))) {
      depth += nesting(tokens.get(end));
      end++;
    }
    List<Span> spans = new ArrayList<>();
    for (Span assignment : items(tokens, set + 1, end)) {
      int equals = assignment.start() + 1;
      if (equals < assignment.end() - 1 && tokens.get(assignment.start()).type() != TokenType.PUNCTUATION
          && tokens.get(equals).text().equals("=")) {
        spans.add(new Span(equals + 1, assignment.end()));
      }
    }
    return spans;
  }

  /** The comma-separated items between {@code start} and {@code end} at depth 0. */
  private static List<Span> items(List<Token> tokens, int start, int end) {
    List<Span> spans = new ArrayList<>();
    int depth = 0;
    int itemStart = start;
    for (int i = start; i < end; i++) {
      Token token = tokens.get(i);
      if (depth == 0 && token.isPunctuation(',')) {
        if (i > itemStart) {
          spans.add(new Span(itemStart, i));
        }
        itemStart = i + 1;
      }
      depth += nesting(token);
    }
    if (end > itemStart) {
      spans.add(new Span(itemStart, end));
    }
    return spans;
  }

  private static int topLevelWord(List<Token> tokens, int from, String word) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      if (depth == 0 && tokens.get(i).is(word)) {
        return i;
      }
      depth += nesting(tokens.get(i));
    }
    return -1;
  }

  private static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      depth += nesting(tokens.get(i));
      if (depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int nesting(Token token) {
    if (token.isPunctuation('(') || token.isPunctuation('[')) {
      return 1;
    }
    return token.isPunctuation(')') || token.isPunctuation(']') ? -1 : 0;
  }

  private static boolean isEnd(Token token, Set<String> words) {
    return token.type() == TokenType.SEMICOLON || (token.type() == TokenType.WORD && words.contains(token.text().toUpperCase()));
  }

  /** For each span, whether DuckDB's binder stores it as the unconstrained numeric column's type (see {@link #targetTypes}). */
  static boolean[] unconstrainedTargets(SqlStatement statement, List<Span> spans, AnyArrayParameters.ParameterTypes probe) {
    List<String> types = targetTypes(statement, spans, probe);
    if (types == null) {
      return null;
    }
    boolean[] unconstrained = new boolean[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      unconstrained[i] = types.get(i) != null && UnconstrainedNumericValues.isUnconstrained(types.get(i));
    }
    return unconstrained;
  }

  /**
   * For each span, the DuckDB type of the column it is stored into (null where DuckDB infers none): the statement is
   * prepared once (never run) with every span written as a parameter numbered after the statement's own, and DuckDB
   * infers each parameter's type from its column. Null when DuckDB cannot prepare the probe.
   */
  static List<String> targetTypes(SqlStatement statement, List<Span> spans, AnyArrayParameters.ParameterTypes probe) {
    int first = highestParameter(statement.tokens()) + 1;
    TokenEdits probed = new TokenEdits(statement);
    for (int i = 0; i < spans.size(); i++) {
      probed.replace(statement.token(spans.get(i).start()).start(), statement.token(spans.get(i).end() - 1).end(), "$" + (first + i));
    }
    List<String> types;
    try {
      types = probe.of(probed.result().sql());
    } catch (RuntimeException e) {
      return null;
    }
    List<String> targets = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      int index = first + i - 1;
      targets.add(index < types.size() ? types.get(index) : null);
    }
    return targets;
  }

  /** The highest {@code $n} of the statement (0 for none), after which probing parameters are numbered. */
  private static int highestParameter(List<Token> tokens) {
    int highest = 0;
    for (Token token : tokens) {
      if (token.type() == TokenType.PARAMETER) {
        highest = Math.max(highest, Integer.parseInt(token.text().substring(1)));
      }
    }
    return highest;
  }
}
