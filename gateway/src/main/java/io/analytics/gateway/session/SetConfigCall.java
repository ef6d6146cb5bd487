package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises {@code SELECT [pg_catalog.]set_config('name', 'value', true|false)}, the form
 * JDBC pools, SQLAlchemy and psycopg users send to change a parameter inside a query. The gateway
 * keeps the session's parameters, so it answers this itself; a call with anything but literals
 * goes to DuckDB, which has no such function, and fails there with a clear message.
 */
final class SetConfigCall {
  private SetConfigCall() {}

  static Optional<SessionCommand> parse(SqlStatement statement) {
    int at = 1;
    if (statement.keyword(at).equals("PG_CATALOG") && punctuation(statement, at + 1, '.')) {
      at += 2;
    }
    // set_config ( 'name' , 'value' , bool ) [AS alias]
    int open = at + 1;
    if (!statement.keyword(at).equals("SET_CONFIG") || open + 6 >= statement.size() || !punctuation(statement, open, '(')
        || !isString(statement.token(open + 1)) || !punctuation(statement, open + 2, ',')
        || !(isString(statement.token(open + 3)) || statement.keyword(open + 3).equals("NULL"))
        || !punctuation(statement, open + 4, ',') || !punctuation(statement, open + 6, ')')) {
      return Optional.empty();
    }
    Boolean local = bool(statement.token(open + 5));
    int end = open + 7;
    if (local == null || !(end == statement.size() || isAlias(statement, end))) {
      return Optional.empty();
    }
    Token value = statement.token(open + 3);
    return Optional.of(new SessionCommand.SetConfig(
        statement.token(open + 1).value(), value.type() == TokenType.STRING ? value.value() : null, local));
  }

  static boolean punctuation(SqlStatement statement, int at, char c) {
    return at < statement.size() && statement.token(at).isPunctuation(c);
  }

  private static boolean isString(Token token) {
    return token.type() == TokenType.STRING;
  }

  /** Whether the tokens from {@code at} are exactly a result column's name ({@code [AS] name}). */
  static boolean isAlias(SqlStatement statement, int at) {
    int name = statement.keyword(at).equals("AS") ? at + 1 : at;
    return name == statement.size() - 1
        && (statement.token(name).type() == TokenType.WORD || statement.token(name).type() == TokenType.QUOTED_IDENTIFIER);
  }

  private static Boolean bool(Token token) {
    String text = token.type() == TokenType.STRING ? token.value() : token.text();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "on", "yes", "1" -> Boolean.TRUE;
      case "false", "f", "off", "no", "0" -> Boolean.FALSE;
      default -> null;
    };
  }
}
