package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Optional;
import java.util.Set;

/**
 * Parses SQL-level cursors, which Tableau, psycopg's named cursors and ODBC's UseDeclareFetch read
 * large results with: {@code DECLARE name [BINARY] [INSENSITIVE] [NO SCROLL] CURSOR [WITH[OUT] HOLD]
 * FOR query}, {@code FETCH}/{@code MOVE [direction] [FROM|IN] name} and {@code CLOSE name|ALL}.
 * Cursors read forward only, as a NO SCROLL cursor does in PostgreSQL; a backward direction is
 * refused with the error PostgreSQL gives for it.
 */
final class CursorStatements {
  private static final Set<String> BACKWARD = Set.of("PRIOR", "FIRST", "LAST", "ABSOLUTE", "RELATIVE", "BACKWARD");

  private CursorStatements() {}

  static Optional<SessionCommand> parse(SqlStatement statement) {
    return switch (statement.keyword()) {
      case "DECLARE" -> Optional.of(declare(statement));
      case "FETCH", "MOVE" -> Optional.of(fetch(statement));
      case "CLOSE" -> Optional.of(close(statement));
      default -> Optional.empty();
    };
  }

  private static SessionCommand declare(SqlStatement statement) {
    String name = name(statement, 1);
    int i = 2;
    boolean binary = false;
    boolean hold = false;
    while (i < statement.size() && !statement.keyword(i).equals("CURSOR")) {
      switch (statement.keyword(i)) {
        case "BINARY" -> binary = true;
        case "INSENSITIVE", "ASENSITIVE", "NO" -> { }
        case "SCROLL" -> {
          if (!statement.keyword(i - 1).equals("NO")) {
            throw unsupported("SCROLL cursors (cursors here read forward only; declare it NO SCROLL)");
          }
        }
        default -> throw SessionCommandParser.syntaxErrorAt(statement, i);
      }
      i++;
    }
    i++; // CURSOR
    if (statement.keyword(i).equals("WITH") || statement.keyword(i).equals("WITHOUT")) {
      hold = statement.keyword(i).equals("WITH");
      if (!statement.keyword(i + 1).equals("HOLD")) {
        throw SessionCommandParser.syntaxErrorAt(statement, i + 1);
      }
      i += 2;
    }
    if (!statement.keyword(i).equals("FOR") || i + 1 >= statement.size()) {
      throw SessionCommandParser.syntaxErrorAt(statement, i);
    }
    String query = statement.sql().substring(statement.token(i + 1).start());
    return new SessionCommand.DeclareCursor(name, SqlStatement.parse(query), hold, binary);
  }

  /** FETCH/MOVE: a count of 0 means ALL. */
  private static SessionCommand fetch(SqlStatement statement) {
    boolean move = statement.keyword().equals("MOVE");
    int i = 1;
    long count = 1;
    String direction = statement.keyword(i);
    if (BACKWARD.contains(direction)) {
      throw new PlatformException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cursor can only scan forward", null, "Cursors here are NO SCROLL: use FETCH [FORWARD] n or ALL.", 0, null);
    }
    if (direction.equals("NEXT") || direction.equals("FORWARD")) {
      i++;
    }
    if (statement.keyword(i).equals("ALL")) {
      count = 0;
      i++;
    } else if (i < statement.size() && statement.token(i).type() == TokenType.NUMBER) {
      count = parseCount(statement.token(i));
      i++;
    }
    if (statement.keyword(i).equals("FROM") || statement.keyword(i).equals("IN")) {
      i++;
    }
    if (i != statement.size() - 1) {
      throw SessionCommandParser.syntaxErrorAt(statement, Math.min(i, statement.size()));
    }
    return new SessionCommand.FetchCursor(name(statement, i), count, move);
  }

  private static SessionCommand close(SqlStatement statement) {
    if (statement.size() != 2) {
      throw SessionCommandParser.syntaxErrorAt(statement, Math.min(2, statement.size()));
    }
    return new SessionCommand.CloseCursor(statement.keyword(1).equals("ALL") ? null : name(statement, 1));
  }

  private static long parseCount(Token token) {
    try {
      long count = Long.parseLong(token.text());
      if (count <= 0) {
        throw new PlatformException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward");
      }
      return count;
    } catch (NumberFormatException e) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "invalid FETCH count " + token.text());
    }
  }

  private static String name(SqlStatement statement, int at) {
    if (at >= statement.size()
        || (statement.token(at).type() != TokenType.WORD && statement.token(at).type() != TokenType.QUOTED_IDENTIFIER)) {
      throw SessionCommandParser.syntaxErrorAt(statement, at);
    }
    return statement.token(at).value();
  }

  private static PlatformException unsupported(String what) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, what + " are not supported");
  }
}
