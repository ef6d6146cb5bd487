package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Optional;

/**
 * Recognises {@code SELECT [pg_catalog.]pg_notify('channel', 'payload') [[AS] alias]}, NOTIFY as a
 * function (what applications and ORMs send, since NOTIFY takes no parameters): the channel is
 * the text as given (NOTIFY's identifier folds to lower case), a NULL payload is empty. The
 * result is PostgreSQL's: one row, one column {@code pg_notify} of type void, empty.
 */
final class NotifyCall {
  private NotifyCall() {}

  static Optional<SessionCommand> parse(SqlStatement statement) {
    int at = 1;
    if (statement.keyword(at).equals("PG_CATALOG") && SetConfigCall.punctuation(statement, at + 1, '.')) {
      at += 2;
    }
    // pg_notify ( 'channel' , 'payload' | NULL ) [AS alias]
    int open = at + 1;
    if (!statement.keyword(at).equals("PG_NOTIFY") || open + 4 >= statement.size() || !SetConfigCall.punctuation(statement, open, '(')
        || statement.token(open + 1).type() != TokenType.STRING || !SetConfigCall.punctuation(statement, open + 2, ',')
        || !(statement.token(open + 3).type() == TokenType.STRING || statement.keyword(open + 3).equals("NULL"))
        || !SetConfigCall.punctuation(statement, open + 4, ')')) {
      return Optional.empty();
    }
    int end = open + 5;
    if (!(end == statement.size() || SetConfigCall.isAlias(statement, end))) {
      return Optional.empty();
    }
    Token payload = statement.token(open + 3);
    return Optional.of(new SessionCommand.NotifyCall(
        statement.token(open + 1).value(), payload.type() == TokenType.STRING ? payload.value() : ""));
  }
}
