package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** The source text of each top-level argument of a call, between the parentheses at tokens {@code open} and {@code close}. */
public final class CallArguments {
  private CallArguments() {}

  public static List<String> split(SqlStatement statement, int open, int close) {
    List<String> arguments = new ArrayList<>();
    for (int[] span : spans(statement, open, close)) {
      arguments.add(statement.sql().substring(span[0], span[1]));
    }
    return arguments;
  }

  /** The source span {@code [start, end)} of each top-level argument, without the whitespace around it. */
  static List<int[]> spans(SqlStatement statement, int open, int close) {
    List<Token> tokens = statement.tokens();
    List<int[]> spans = new ArrayList<>();
    int depth = 0;
    int start = -1;
    int end = -1;
    for (int i = open + 1; i < close; i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation(',') && depth == 0) {
        spans.add(new int[] {start < 0 ? token.start() : start, start < 0 ? token.start() : end});
        start = -1;
        continue;
      }
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      }
      start = start < 0 ? token.start() : start;
      end = token.end();
    }
    if (start >= 0 || !spans.isEmpty()) {
      spans.add(new int[] {start < 0 ? tokens.get(close).start() : start, start < 0 ? tokens.get(close).start() : end});
    }
    return spans;
  }

  /** Whether {@code word} stands at the top level between the call's parentheses at {@code open} and {@code close}. */
  static boolean hasTopLevelWord(SqlStatement statement, int open, int close, String word) {
    int depth = 0;
    for (int i = open + 1; i < close; i++) {
      Token token = statement.token(i);
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      } else if (depth == 0 && token.is(word)) {
        return true;
      }
    }
    return false;
  }
}
