package io.analytics.gateway.sql;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens the way PostgreSQL's scanner does for the purposes the gateway needs
 * (statement boundaries, leading keywords, parameters): it knows quoted identifiers, standard, E''
 * and dollar-quoted strings, nested block comments and line comments.
 */
public final class SqlLexer {
  private final String sql;
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  public static List<Token> tokenize(String sql) {
    return new SqlLexer(sql).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespaceAndComments();
      if (pos >= sql.length()) {
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-') {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  private void skipBlockComment() {
    int start = pos;
    int depth = 0;
    while (pos < sql.length()) {
      if (sql.charAt(pos) == '/' && peek(1) == '*') {
        depth++;
        pos += 2;
      } else if (sql.charAt(pos) == '*' && peek(1) == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
    throw syntaxError("unterminated /* comment", start);
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    if (c == ';') {
      pos++;
      return token(TokenType.SEMICOLON, start);
    }
    if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      pos++;
      readQuoted('\'', true);
      return token(TokenType.STRING, start);
    }
    if (c == '\'') {
      readQuoted('\'', false);
      return token(TokenType.STRING, start);
    }
    if (c == '"') {
      readQuoted('"', false);
      return token(TokenType.QUOTED_IDENTIFIER, start);
    }
    if (c == '$') {
      Token dollar = parameterOrDollarQuoted(start);
      if (dollar != null) {
        return dollar;
      }
    }
    if (c == '?') {
      pos++;
      return token(TokenType.QUESTION_MARK, start);
    }
    if (Character.isLetter(c) || c == '_' || c > 127) {
      while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
        pos++;
      }
      return token(TokenType.WORD, start);
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.' || sql.charAt(pos) == '_')) {
        pos++;
      }
      return token(TokenType.NUMBER, start);
    }
    if ("()[]{},".indexOf(c) >= 0) {
      pos++;
      return token(TokenType.PUNCTUATION, start);
    }
    return operator(start);
  }

  /** A parameter ($1) or a dollar-quoted string ($tag$...$tag$) at pos; null for a lone '$'. */
  private Token parameterOrDollarQuoted(int start) {
    if (Character.isDigit(peek(1))) {
      pos++;
      while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
        pos++;
      }
      return token(TokenType.PARAMETER, start);
    }
    int tagEnd = dollarTagEnd();
    if (tagEnd <= 0) {
      return null;
    }
    String tag = sql.substring(pos, tagEnd + 1);
    int close = sql.indexOf(tag, tagEnd + 1);
    if (close < 0) {
      throw syntaxError("unterminated dollar-quoted string", start);
    }
    pos = close + tag.length();
    return token(TokenType.STRING, start);
  }

  /** An operator: a run of operator characters up to a comment's start, or any other single character. */
  private Token operator(int start) {
    while (pos < sql.length() && "+-*/<>=~!@#%^&|`?:.".indexOf(sql.charAt(pos)) >= 0) {
      if ((sql.charAt(pos) == '-' && peek(1) == '-') || (sql.charAt(pos) == '/' && peek(1) == '*')) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      pos++;
    }
    return token(TokenType.PUNCTUATION, start);
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }

  /** The index of the closing '$' of a dollar-quote tag starting at pos, or -1. */
  private int dollarTagEnd() {
    int i = pos + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      if (i == pos + 1 && Character.isDigit(sql.charAt(i))) {
        return -1;
      }
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '$' ? i : -1;
  }

  private void readQuoted(char quote, boolean backslashEscapes) {
    int start = pos;
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (backslashEscapes && c == '\\') {
        pos += 2;
      } else if (c == quote) {
        if (peek(1) == quote) {
          pos += 2;
        } else {
          pos++;
          return;
        }
      } else {
        pos++;
      }
    }
    throw syntaxError(
        quote == '"' ? "unterminated quoted identifier" : "unterminated quoted string", start);
  }

  private char peek(int offset) {
    int index = pos + offset;
    return index < sql.length() ? sql.charAt(index) : '\0';
  }

  private Token token(TokenType type, int start) {
    return new Token(type, sql.substring(start, pos), start, pos);
  }

  private PlatformException syntaxError(String message, int offset) {
    return new PlatformException(
        SqlState.SYNTAX_ERROR, message + " at or near \"" + sql.substring(offset, Math.min(sql.length(), offset + 10)) + "\"",
        null, null, sql.codePointCount(0, offset) + 1, null);
  }
}
