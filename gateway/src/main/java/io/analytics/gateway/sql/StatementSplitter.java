package io.analytics.gateway.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits a simple-query string into its statements at top-level semicolons. */
public final class StatementSplitter {
  private StatementSplitter() {}

  /** The non-empty statements of {@code sql}, in order; empty for an empty query. */
  public static List<SqlStatement> split(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    List<SqlStatement> statements = new ArrayList<>();
    int begin = 0;
    int depth = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      boolean boundary = i == tokens.size() || (tokens.get(i).type() == TokenType.SEMICOLON && depth == 0);
      if (i < tokens.size()) {
        Token token = tokens.get(i);
        if (token.isPunctuation('(')) {
          depth++;
        } else if (token.isPunctuation(')')) {
          depth = Math.max(0, depth - 1);
        }
      }
      if (!boundary) {
        continue;
      }
      if (i > begin) {
        List<Token> part = tokens.subList(begin, i);
        int from = part.get(0).start();
        int to = part.get(part.size() - 1).end();
        String text = sql.substring(from, to);
        List<Token> shifted = new ArrayList<>(part.size());
        for (Token token : part) {
          shifted.add(new Token(token.type(), token.text(), token.start() - from, token.end() - from));
        }
        statements.add(new SqlStatement(text, shifted, sql.codePointCount(0, from)));
      }
      begin = i + 1;
    }
    return statements;
  }
}
