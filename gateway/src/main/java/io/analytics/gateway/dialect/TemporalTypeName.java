package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Optional;

/**
 * A date/time type written with a fractional-seconds precision at a token: {@code timestamp(2)},
 * {@code timestamp(0) without time zone}, {@code timestamp(3) with time zone}, {@code timestamptz(3)},
 * {@code time(2)}, {@code timetz(6)}. DuckDB keeps microseconds and takes no precision on these types.
 *
 * @param start the index of the type's first token
 * @param end the index after its last token (after {@code zone} when a time zone clause follows)
 * @param withTimeZone whether it is timestamptz or timetz
 * @param timestamp whether it is a timestamp (else a time of day)
 * @param precision the digits of seconds' fraction it keeps, 0 to 6 (PostgreSQL reduces more to 6)
 */
record TemporalTypeName(int start, int end, boolean withTimeZone, boolean timestamp, int precision) {
  /** DuckDB's microseconds: the finest precision, the one a type without precision has. */
  static final int MICROSECONDS = 6;

  /** The type at {@code index}, when a temporal type with a precision starts there. */
  static Optional<TemporalTypeName> at(SqlStatement statement, int index) {
    if (index + 3 >= statement.size() || statement.token(index).type() != TokenType.WORD) {
      return Optional.empty();
    }
    String word = statement.token(index).value();
    boolean timestamp = word.equals("timestamp") || word.equals("timestamptz");
    boolean time = word.equals("time") || word.equals("timetz");
    Token digits = statement.token(index + 2);
    if (!timestamp && !time || !statement.token(index + 1).isPunctuation('(') || !statement.token(index + 3).isPunctuation(')')
        || digits.type() != TokenType.NUMBER) {
      return Optional.empty();
    }
    if (!digits.text().chars().allMatch(Character::isDigit) || digits.text().length() > 9) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + digits.text() + "\"");
    }
    boolean withTimeZone = word.endsWith("tz");
    int end = index + 4;
    if (!withTimeZone && end + 2 < statement.size() && statement.token(end + 1).is("time") && statement.token(end + 2).is("zone")) {
      if (statement.token(end).is("with")) {
        withTimeZone = true;
        end += 3;
      } else if (statement.token(end).is("without")) {
        end += 3;
      }
    }
    int precision = Math.min(Integer.parseInt(digits.text()), MICROSECONDS);
    return Optional.of(new TemporalTypeName(index, end, withTimeZone, timestamp, precision));
  }

  /** The type as DuckDB takes it: without a precision. */
  String duckDbType() {
    return (timestamp ? "TIMESTAMP" : "TIME") + (withTimeZone ? " WITH TIME ZONE" : "");
  }

  /** How PostgreSQL names the type in its messages ({@code timestamp(0) without time zone}). */
  String postgresName() {
    return (timestamp ? "timestamp" : "time") + "(" + precision + ") " + (withTimeZone ? "with" : "without") + " time zone";
  }
}
