package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** The source text of each top-level argument of a call, between the parentheses at tokens {@code open} and {@code close}. */
final class CallArguments {
  private CallArguments() {}

  static List<String> split(SqlStatement statement, int open, int close) {
    List<Token> tokens = statement.tokens();
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int start = tokens.get(open).end();
    for (int i = open + 1; i < close; i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      } else if (token.isPunctuation(',') && depth == 0) {
        arguments.add(statement.sql().substring(start, token.start()).strip());
        start = token.end();
      }
    }
    String last = statement.sql().substring(start, tokens.get(close).start()).strip();
    if (!last.isEmpty() || !arguments.isEmpty()) {
      arguments.add(last);
    }
    return arguments;
  }
}
