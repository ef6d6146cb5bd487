package io.analytics.gateway.errors;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * Moves an error's position from the text DuckDB ran to the client's own text, which the gateway's
 * translations may have made longer or shorter before the error ({@code generate_series(1, 2)} in a
 * select list becomes a subquery): psql draws its caret under the client's text. The token DuckDB
 * pointed at is found in the client's text as the same occurrence of the same token; when it cannot
 * be told which one it is, the position is left out rather than pointing at the wrong place.
 */
public final class ErrorPositions {
  private ErrorPositions() {}

  /** The error with its position in {@code client}'s text (1-based, in characters as PostgreSQL counts). */
  public static PlatformException inClientText(PlatformException error, String ran, String client) {
    if (error.position() <= 0 || ran.equals(client)) {
      return error;
    }
    int position = mapped(error.position(), ran, client);
    if (position == error.position()) {
      return error;
    }
    return new PlatformException(error.sqlState(), error.getMessage(), error.detail(), error.hint(), position, error.subject(), error);
  }

  static int mapped(int position, String ran, String client) {
    if (position - 1 > ran.codePointCount(0, ran.length())) {
      return 0;
    }
    int offset = ran.offsetByCodePoints(0, position - 1);
    List<Token> ranTokens = SqlStatement.parse(ran).tokens();
    Token pointed = null;
    int occurrence = 0;
    for (Token token : ranTokens) {
      if (token.start() <= offset && offset < Math.max(token.end(), token.start() + 1)) {
        pointed = token;
        break;
      }
      if (token.start() > offset) {
        break;
      }
    }
    if (pointed == null) {
      return 0;
    }
    for (Token token : ranTokens) {
      if (token == pointed) {
        break;
      }
      if (token.text().equalsIgnoreCase(pointed.text())) {
        occurrence++;
      }
    }
    String text = pointed.text();
    long inRan = ranTokens.stream().filter(token -> token.text().equalsIgnoreCase(text)).count();
    List<Token> clientTokens = SqlStatement.parse(client).tokens();
    List<Token> same = clientTokens.stream().filter(token -> token.text().equalsIgnoreCase(text)).toList();
    Token found;
    if (same.size() == inRan) {
      found = same.get(occurrence);
    } else if (same.size() == 1) {
      found = same.get(0);
    } else {
      return 0;
    }
    int clientOffset = found.start() + (offset - pointed.start());
    if (clientOffset > client.length()) {
      return 0;
    }
    return client.codePointCount(0, Math.min(clientOffset, client.length())) + 1;
  }
}
