package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's json and jsonb operators become calls of the session's {@code pg_op_*} macros,
 * with the operands PostgreSQL's precedence gives them (see {@link OperandBounds}): DuckDB cannot
 * parse {@code #>}, {@code #>>}, {@code ?}, {@code ?|}, {@code ?&} and {@code #-}, reads {@code ->}
 * as a lambda, and has no jsonb. {@code @>} and {@code <@} become calls that keep DuckDB's list
 * containment for arrays. {@code ||} and {@code -} mean jsonb concatenation and deletion only when
 * an operand is jsonb, which is known here only from how it is written (a cast to jsonb, a jsonb
 * function); otherwise they stay DuckDB's.
 */
public final class JsonOperators implements DialectStage {
  private static final Map<String, String> ALWAYS = Map.of(
      "->", "pg_op_get", "->>", "pg_op_get_text", "#>", "pg_op_path", "#>>", "pg_op_path_text", "?", "pg_op_exists",
      "?|", "pg_op_exists_any", "?&", "pg_op_exists_all", "@>", "pg_op_contains", "<@", "pg_op_contained",
      "#-", "pg_op_delete_path");
  private static final Map<String, String> ON_JSONB = Map.of("||", "pg_op_concat", "-", "pg_op_minus");
  /** Functions whose result is jsonb, which make an operand of {@code ||} or {@code -} known jsonb. */
  private static final Set<String> JSONB_RESULTS = Set.of(
      "pg_to_jsonb", "to_jsonb", "jsonb_build_object", "jsonb_build_array", "jsonb_set", "jsonb_insert", "jsonb_strip_nulls",
      "jsonb_agg", "jsonb_object_agg", "jsonb_extract_path", "pg_op_concat", "pg_op_minus", "pg_op_delete_path", "pg_jsonb_value");
  /** Functions whose result has their first argument's type. */
  private static final Set<String> SAME_AS_FIRST = Set.of("pg_op_get", "pg_op_path");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    boolean jsonbWritten = statement.tokens().stream().anyMatch(token -> token.type() == TokenType.WORD && JSONB_RESULTS.contains(token.value()));
    if (statement.tokens().stream().noneMatch(token -> mayBeOperator(token) || (jsonbWritten && ON_JSONB.containsKey(token.text())))) {
      return statement;
    }
    return RepeatedRewrite.apply(splitSigns(statement), JsonOperators::rewriteFirst);
  }

  private static boolean mayBeOperator(Token token) {
    return token.type() == TokenType.QUESTION_MARK
        || (token.type() == TokenType.PUNCTUATION && (token.text().contains("->") || token.text().contains("#")
            || token.text().equals("@>") || token.text().equals("<@")));
  }

  /** {@code j->-1}: PostgreSQL's lexer reads "->" and a sign, where ours reads one operator "->-". */
  private static SqlStatement splitSigns(SqlStatement statement) {
    TokenEdits edits = null;
    for (Token token : statement.tokens()) {
      String text = token.text();
      if (token.type() == TokenType.PUNCTUATION && (text.startsWith("->>") || text.startsWith("->")) && text.length() > 2
          && !text.equals("->>") && text.replaceFirst("^->>?", "").matches("[-+]+")) {
        String operator = text.startsWith("->>") ? "->>" : "->";
        if (edits == null) {
          edits = new TokenEdits(statement);
        }
        edits.replace(token.start(), token.end(), operator + " " + text.substring(operator.length()));
      }
    }
    return edits == null ? statement : edits.result();
  }

  private static SqlStatement rewriteFirst(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    for (int i = 1; i < tokens.size(); i++) {
      int width = operatorWidth(tokens, i);
      if (width == 0) {
        continue;
      }
      String operator = operatorText(tokens, i, width);
      String function = ALWAYS.get(operator);
      int start = OperandBounds.leftStart(tokens, i);
      int end = OperandBounds.rightEnd(tokens, i + width - 1);
      if (start < 0 || end < 0) {
        continue;
      }
      if (function == null) {
        function = ON_JSONB.get(operator);
        if (function == null || !(isJsonb(tokens, start, i) || isJsonb(tokens, i + width, end))) {
          continue;
        }
      }
      String sql = statement.sql();
      String left = sql.substring(tokens.get(start).start(), tokens.get(i - 1).end());
      String right = sql.substring(tokens.get(i + width).start(), tokens.get(end - 1).end());
      TokenEdits edits = new TokenEdits(statement);
      edits.replace(tokens.get(start).start(), tokens.get(end - 1).end(), function + "(" + left + ", " + right + ")");
      return edits.result();
    }
    return null;
  }

  /**
   * The statement with the {@code occurrence}-th (0-based) binary use of the one-token operator
   * {@code operator} written as {@code function(left, right)}, or null when there is no such use.
   */
  static SqlStatement rewriteOccurrence(SqlStatement statement, String operator, int occurrence, String function) {
    List<Token> tokens = statement.tokens();
    int seen = 0;
    for (int i = 1; i < tokens.size(); i++) {
      if (tokens.get(i).type() != TokenType.PUNCTUATION || !tokens.get(i).text().equals(operator)) {
        continue;
      }
      int start = OperandBounds.leftStart(tokens, i);
      int end = OperandBounds.rightEnd(tokens, i);
      if (start < 0 || end < 0 || seen++ != occurrence) {
        continue;
      }
      String sql = statement.sql();
      String left = sql.substring(tokens.get(start).start(), tokens.get(i - 1).end());
      String right = sql.substring(tokens.get(i + 1).start(), tokens.get(end - 1).end());
      TokenEdits edits = new TokenEdits(statement);
      edits.replace(tokens.get(start).start(), tokens.get(end - 1).end(), function + "(" + left + ", " + right + ")");
      return edits.result();
    }
    return null;
  }

  /** How many tokens the operator at {@code i} spans ({@code ?|} is two), or 0 if none is there. */
  private static int operatorWidth(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (token.type() == TokenType.QUESTION_MARK) {
      if (i + 1 < tokens.size() && tokens.get(i + 1).start() == token.end()
          && (tokens.get(i + 1).text().equals("|") || tokens.get(i + 1).text().equals("&"))) {
        return 2;
      }
      return 1;
    }
    if (token.type() != TokenType.PUNCTUATION) {
      return 0;
    }
    String text = token.text();
    return ALWAYS.containsKey(text) || ON_JSONB.containsKey(text) ? 1 : 0;
  }

  private static String operatorText(List<Token> tokens, int i, int width) {
    return width == 2 ? tokens.get(i).text() + tokens.get(i + 1).text() : tokens.get(i).text();
  }

  /** Whether the operand in tokens {@code from..to} (exclusive) is written as a jsonb value. */
  private static boolean isJsonb(List<Token> tokens, int from, int to) {
    if (from >= to) {
      return false;
    }
    Token first = tokens.get(from);
    if (first.isPunctuation('(') && OperandBounds.matchingClose(tokens, from, '(', ')') == to - 1) {
      return isJsonb(tokens, from + 1, to - 1);
    }
    if (first.type() != TokenType.WORD || from + 1 >= to || !tokens.get(from + 1).isPunctuation('(')) {
      return false;
    }
    int close = OperandBounds.matchingClose(tokens, from + 1, '(', ')');
    if (close != to - 1) {
      return false;
    }
    if (JSONB_RESULTS.contains(first.value())) {
      return true;
    }
    if (SAME_AS_FIRST.contains(first.value())) {
      int argumentEnd = firstArgumentEnd(tokens, from + 2, close);
      return isJsonb(tokens, from + 2, argumentEnd);
    }
    return false;
  }

  private static int firstArgumentEnd(List<Token> tokens, int from, int close) {
    int depth = 0;
    for (int i = from; i < close; i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      } else if (depth == 0 && token.isPunctuation(',')) {
        return i;
      }
    }
    return close;
  }
}
