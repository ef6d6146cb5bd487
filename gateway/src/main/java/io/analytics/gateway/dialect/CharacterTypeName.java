package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.DeclaredColumnType;
import java.util.Optional;

/**
 * PostgreSQL's spellings of its blank-padded and varying character types among a statement's
 * tokens, with their length: {@code char}, {@code character} (char(1)), {@code char(n)},
 * {@code character(n)}, {@code bpchar[(n)]}, {@code varchar[(n)]}, {@code char varying[(n)]},
 * {@code character varying[(n)]}. Array types ({@code char(4)[]}) and {@code "char"} are not these.
 *
 * @param start the index of the type's first token
 * @param end the index after its last token
 * @param type the declared type: bpchar or varchar with its typmod (-1 for no length)
 */
record CharacterTypeName(int start, int end, DeclaredColumnType type) {

  /** The character type spelled from token {@code start}, if one is. */
  static Optional<CharacterTypeName> at(SqlStatement statement, int start) {
    if (start >= statement.size() || statement.token(start).type() != TokenType.WORD) {
      return Optional.empty();
    }
    String first = statement.token(start).value();
    int next = start + 1;
    boolean varying;
    if (first.equals("varchar")) {
      varying = true;
    } else if (first.equals("char") || first.equals("character")) {
      varying = next < statement.size() && statement.token(next).is("varying");
      if (varying) {
        next++;
      }
    } else if (first.equals("bpchar")) {
      varying = false;
    } else {
      return Optional.empty();
    }
    int length = -1;
    if (next + 2 < statement.size() && statement.token(next).isPunctuation('(')) {
      Token number = statement.token(next + 1);
      if (number.type() != TokenType.NUMBER || !number.text().matches("\\d{1,7}") || !statement.token(next + 2).isPunctuation(')')) {
        return Optional.empty();
      }
      length = Integer.parseInt(number.text());
      next += 3;
    } else if (!varying && !first.equals("bpchar")) {
      length = 1; // char and character alone are char(1)
    }
    if (next < statement.size() && (statement.token(next).isPunctuation('[') || statement.token(next).is("ARRAY"))) {
      return Optional.empty();
    }
    DeclaredColumnType type = varying ? DeclaredColumnType.varchar(length)
        : length < 0 ? new DeclaredColumnType(io.analytics.gateway.types.PgTypes.BPCHAR, -1) : DeclaredColumnType.bpchar(length);
    return Optional.of(new CharacterTypeName(start, next, type));
  }
}
