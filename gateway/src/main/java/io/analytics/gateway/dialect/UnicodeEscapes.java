package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;

/**
 * The Unicode escapes of PostgreSQL's escape string literals, a backslash and u with 4 hex digits or a backslash
 * and U with 8 (a UTF-16 surrogate pair written as two 4-digit escapes is one character): DuckDB's escape strings
 * know octal and hex escapes but read the backslash-u escape as a plain u, so the regression test's "data" came back
 * as "du0061tU00000061". Each escape becomes the character itself inside the same E'' literal; PostgreSQL's errors
 * for bad ones are kept (22025 for too few hex digits, 42601 for a zero, out-of-range or unpaired surrogate).
 */
public final class UnicodeEscapes implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    TokenEdits edits = null;
    for (Token token : statement.tokens()) {
      if (!isEscapeString(token) || !token.text().contains("\\")) {
        continue;
      }
      String body = token.text().substring(2, token.text().length() - 1);
      String decoded = decoded(body, statement, token.start() + 2);
      if (!decoded.equals(body)) {
        edits = edits == null ? new TokenEdits(statement) : edits;
        edits.replace(token.start() + 2, token.end() - 1, decoded);
      }
    }
    return edits == null ? statement : edits.result();
  }

  private static boolean isEscapeString(Token token) {
    return token.type() == TokenType.STRING && (token.text().startsWith("E'") || token.text().startsWith("e'"));
  }

  /** The literal's body with every Unicode escape replaced by its character; other escapes are copied as they are. */
  static String decoded(String body, SqlStatement statement, int bodyStart) {
    StringBuilder out = new StringBuilder(body.length());
    int pendingHighSurrogate = -1;
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        checkNoPendingSurrogate(pendingHighSurrogate, statement, bodyStart + i);
        out.append(c);
        i++;
        continue;
      }
      char kind = body.charAt(i + 1);
      if (kind != 'u' && kind != 'U') {
        checkNoPendingSurrogate(pendingHighSurrogate, statement, bodyStart + i);
        out.append(c).append(kind);
        i += 2;
        continue;
      }
      int digits = kind == 'u' ? 4 : 8;
      int value = hexValue(body, i + 2, digits);
      if (value < 0) {
        throw new PlatformException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape", null,
            "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.", position(statement, bodyStart + i), null);
      }
      int at = bodyStart + i;
      i += 2 + digits;
      if (pendingHighSurrogate >= 0) {
        if (!Character.isLowSurrogate((char) value) || value > 0xFFFF) {
          throw invalidSurrogatePair(statement, at);
        }
        out.appendCodePoint(Character.toCodePoint((char) pendingHighSurrogate, (char) value));
        pendingHighSurrogate = -1;
      } else if (value <= 0xFFFF && Character.isHighSurrogate((char) value)) {
        pendingHighSurrogate = value;
      } else if (value <= 0xFFFF && Character.isLowSurrogate((char) value)) {
        throw invalidSurrogatePair(statement, at);
      } else if (value == 0 || value > Character.MAX_CODE_POINT) {
        throw new PlatformException(SqlState.SYNTAX_ERROR, "invalid Unicode escape value", null, null, position(statement, at), null);
      } else {
        appendLiteralCharacter(out, value);
      }
    }
    checkNoPendingSurrogate(pendingHighSurrogate, statement, bodyStart + body.length());
    return out.toString();
  }

  /** A quote or backslash is written escaped, so the literal still ends where it did and means the character. */
  private static void appendLiteralCharacter(StringBuilder out, int codePoint) {
    if (codePoint == '\'' || codePoint == '\\') {
      out.append('\\');
    }
    out.appendCodePoint(codePoint);
  }

  /** The value of {@code digits} hex digits at {@code from}, or -1 when there are fewer. */
  private static int hexValue(String body, int from, int digits) {
    if (from + digits > body.length()) {
      return -1;
    }
    long value = 0;
    for (int k = from; k < from + digits; k++) {
      int digit = Character.digit(body.charAt(k), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
  }

  private static void checkNoPendingSurrogate(int pendingHighSurrogate, SqlStatement statement, int at) {
    if (pendingHighSurrogate >= 0) {
      throw invalidSurrogatePair(statement, at);
    }
  }

  private static PlatformException invalidSurrogatePair(SqlStatement statement, int at) {
    return new PlatformException(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", null, null, position(statement, at), null);
  }

  private static int position(SqlStatement statement, int offset) {
    return statement.sql().codePointCount(0, Math.min(offset, statement.sql().length())) + 1;
  }
}
