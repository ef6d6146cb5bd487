package io.analytics.gateway.security;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds every function call in a statement from the lexer's tokens: a name (bare or quoted, any
 * case, schema-qualified or not) directly followed by an opening parenthesis, comments between
 * them being invisible to the lexer. Also finds DuckDB's "replacement scans", a string literal
 * used as a table ({@code FROM '/etc/passwd'}), which read the file it names.
 */
final class FunctionCalls {
  /** The pseudo-function name under which a {@code FROM 'path'} replacement scan is reported. */
  static final String REPLACEMENT_SCAN = "from 'file'";

  private FunctionCalls() {}

  static List<FunctionCall> in(SqlStatement statement) {
    List<FunctionCall> calls = new ArrayList<>();
    for (int i = 0; i < statement.size(); i++) {
      Token token = statement.token(i);
      boolean name = token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
      if (name && i + 1 < statement.size() && statement.token(i + 1).isPunctuation('(')) {
        calls.add(new FunctionCall(token.value().toLowerCase(Locale.ROOT), literalArguments(statement, i + 2)));
      } else if (token.type() == TokenType.STRING && i > 0 && isTableKeyword(statement.token(i - 1))) {
        calls.add(new FunctionCall(REPLACEMENT_SCAN, List.of(token.value())));
      }
    }
    return calls;
  }

  private static boolean isTableKeyword(Token previous) {
    return previous.is("FROM") || previous.is("JOIN") || previous.is("TABLE") || previous.is("INTO");
  }

  /** The first argument as literal paths: {@code 'a'} or {@code ['a', 'b']}; null if it is anything else. */
  private static List<String> literalArguments(SqlStatement statement, int at) {
    if (at >= statement.size()) {
      return null;
    }
    Token first = statement.token(at);
    if (first.type() == TokenType.STRING) {
      return List.of(first.value());
    }
    if (!first.isPunctuation('[')) {
      return null;
    }
    List<String> paths = new ArrayList<>();
    for (int i = at + 1; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.isPunctuation(']')) {
        return paths;
      }
      if (token.type() == TokenType.STRING) {
        paths.add(token.value());
      } else if (!token.isPunctuation(',')) {
        return null;
      }
    }
    return null;
  }
}
