package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.PgTypes;
import java.util.Set;

/**
 * Bytea literals in PostgreSQL's input formats become DuckDB BLOB literals with the same bytes.
 * DuckDB reads {@code '\x0001ff'::BLOB} as the escape {@code \x00} followed by the characters
 * "01ff" (5 bytes), where PostgreSQL's hex format means the 3 bytes 00 01 ff; the escape format
 * ({@code '\000a\\'}) differs as well. The literal is decoded as PostgreSQL decodes bytea input
 * (invalid input is 22P02, as there) and written back with every byte DuckDB could misread escaped.
 */
public final class ByteaLiterals implements DialectStage {
  private static final Set<String> TYPES = Set.of("bytea");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (!mentionsBytea(statement)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (LiteralCast cast : LiteralCast.find(statement, TYPES)) {
      if (cast.literal().type() != TokenType.STRING || cast.typmod()) {
        continue;
      }
      byte[] bytes;
      try {
        checkHex(cast.literal().value());
        bytes = (byte[]) PgTypes.BYTEA.decodeText(cast.literal().value());
      } catch (PlatformException e) {
        throw cast.positioned(e, statement);
      }
      edits.replace(cast.start(), cast.end(), "CAST(" + duckDbLiteral(bytes) + " AS BLOB)");
    }
    return edits.result();
  }

  private static boolean mentionsBytea(SqlStatement statement) {
    return statement.tokens().stream().anyMatch(token -> token.is("bytea"));
  }

  /** PostgreSQL's errors for bad hex-format input (22023, where the escape format's are 22P02). */
  private static void checkHex(String text) {
    if (!text.startsWith("\\x")) {
      return;
    }
    int digits = 0;
    for (int i = 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (Character.digit(c, 16) < 0) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
      }
      digits++;
    }
    if (digits % 2 != 0) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
    }
  }

  /** A DuckDB string literal that casts to exactly these bytes: printable ASCII as is, the rest as \xHH. */
  static String duckDbLiteral(byte[] bytes) {
    StringBuilder literal = new StringBuilder(bytes.length + 2).append('\'');
    for (byte b : bytes) {
      int value = b & 0xff;
      if (value >= 0x20 && value < 0x7f && value != '\\' && value != '\'') {
        literal.append((char) value);
      } else {
        literal.append("\\x").append(HEX[value >> 4]).append(HEX[value & 0xf]);
      }
    }
    return literal.append('\'').toString();
  }
}
