package io.analytics.gateway.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * One statement of a query string: its source text, its tokens, and where it starts in the whole
 * query string (error positions are reported relative to the whole string, as PostgreSQL does).
 */
public record SqlStatement(String sql, List<Token> tokens, int offsetInQuery) {
  public SqlStatement {
    requireNonNull(sql, "sql is null");
    tokens = List.copyOf(tokens);
  }

  public static SqlStatement parse(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    // A trailing semicolon is not part of the statement.
    int end = tokens.size();
    while (end > 0 && tokens.get(end - 1).type() == TokenType.SEMICOLON) {
      end--;
    }
    return new SqlStatement(sql, tokens.subList(0, end), 0);
  }

  /** The index of the token closing the parenthesis at token {@code open}, or -1 when it is not closed. */
  public int closingParenthesis(int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isPunctuation('(')) {
        depth++;
      } else if (tokens.get(i).isPunctuation(')') && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the token opening the parenthesis closed at token {@code close}, or -1 when it is not opened. */
  public int openingParenthesis(int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      if (tokens.get(i).isPunctuation(')')) {
        depth++;
      } else if (tokens.get(i).isPunctuation('(') && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the token closing the bracket at token {@code open}, or -1 when it is not closed. */
  public int closingBracket(int open) {
    return closingBracket(tokens, open);
  }

  /** The index of the token closing the bracket at {@code tokens[open]}, or -1 when it is not closed. */
  public static int closingBracket(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isPunctuation('[')) {
        depth++;
      } else if (tokens.get(i).isPunctuation(']') && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** The upper-cased leading keyword, or "" when the statement does not start with a word. */
  public String keyword() {
    return keyword(0);
  }

  /** The upper-cased word at token {@code index}, or "". */
  public String keyword(int index) {
    if (index >= tokens.size() || tokens.get(index).type() != TokenType.WORD) {
      return "";
    }
    return tokens.get(index).text().toUpperCase(Locale.ROOT);
  }

  /**
   * The index of the first of these upper-case keywords outside any parentheses, at or after
   * {@code from}, or -1: e.g. the statement a {@code WITH} clause leads to.
   */
  public int indexOfTopLevelKeyword(int from, java.util.Set<String> keywords) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation('(')) {
        depth++;
      } else if (token.isPunctuation(')')) {
        depth--;
      } else if (depth == 0 && keywords.contains(keyword(i))) {
        return i;
      }
    }
    return -1;
  }

  public Token token(int index) {
    return tokens.get(index);
  }

  public int size() {
    return tokens.size();
  }

  /** Source text from token {@code from} to the end. */
  public String textFrom(int from) {
    if (from >= tokens.size()) {
      return "";
    }
    return sql.substring(tokens.get(from).start(), tokens.get(tokens.size() - 1).end());
  }
}
