package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Optional;

/**
 * Parses SQL-level cursors, which Tableau, psycopg's named cursors and ODBC's UseDeclareFetch read
 * large results with: {@code DECLARE name [BINARY] [INSENSITIVE] [[NO] SCROLL] CURSOR [WITH[OUT] HOLD]
 * FOR query}, {@code FETCH}/{@code MOVE [direction] [FROM|IN] name} and {@code CLOSE name|ALL}.
 * A SCROLL cursor moves in every direction; any other reads forward only, and a backward direction
 * is refused when it is fetched, with the error PostgreSQL gives a NO SCROLL cursor.
 */
final class CursorStatements {
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
    boolean scroll = false;
    while (i < statement.size() && !statement.keyword(i).equals("CURSOR")) {
      switch (statement.keyword(i)) {
        case "BINARY" -> binary = true;
        case "INSENSITIVE", "ASENSITIVE", "NO" -> { }
        case "SCROLL" -> scroll = !statement.keyword(i - 1).equals("NO");
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
    return new SessionCommand.DeclareCursor(name, SqlStatement.parse(query), hold, binary, scroll);
  }

  /**
   * FETCH/MOVE [direction] [FROM|IN] name: NEXT, PRIOR, FIRST, LAST, ABSOLUTE n, RELATIVE n, n, ALL,
   * FORWARD [n|ALL], BACKWARD [n|ALL]. A count of 0 means ALL for FORWARD and BACKWARD; {@code FETCH 0}
   * and {@code FORWARD 0} are RELATIVE 0 (the current row again), and a negative count turns around.
   */
  private static SessionCommand fetch(SqlStatement statement) {
    boolean move = statement.keyword().equals("MOVE");
    int i = 1;
    SessionCommand.FetchDirection direction = SessionCommand.FetchDirection.FORWARD;
    long count = 1;
    switch (statement.keyword(i)) {
      case "NEXT" -> i++;
      case "PRIOR" -> {
        direction = SessionCommand.FetchDirection.BACKWARD;
        i++;
      }
      case "FIRST", "LAST" -> {
        count = statement.keyword(i).equals("FIRST") ? 1 : -1;
        direction = SessionCommand.FetchDirection.ABSOLUTE;
        i++;
      }
      case "ABSOLUTE", "RELATIVE" -> {
        direction = SessionCommand.FetchDirection.valueOf(statement.keyword(i));
        count = signedCount(statement, i + 1);
        i += statement.token(i + 1).isPunctuation('-') || statement.token(i + 1).isPunctuation('+') ? 3 : 2;
      }
      case "FORWARD", "BACKWARD" -> {
        direction = SessionCommand.FetchDirection.valueOf(statement.keyword(i));
        i++;
        if (statement.keyword(i).equals("ALL")) {
          count = 0;
          i++;
        } else if (isCount(statement, i)) {
          count = countOrRelative(signedCount(statement, i));
          i += statement.token(i).type() == TokenType.NUMBER ? 1 : 2;
        }
      }
      case "ALL" -> {
        count = 0;
        i++;
      }
      default -> {
        if (isCount(statement, i)) {
          count = countOrRelative(signedCount(statement, i));
          i += statement.token(i).type() == TokenType.NUMBER ? 1 : 2;
        }
      }
    }
    if (count == RELATIVE_ZERO) {
      direction = SessionCommand.FetchDirection.RELATIVE;
      count = 0;
    } else if (count < 0 && (direction == SessionCommand.FetchDirection.FORWARD || direction == SessionCommand.FetchDirection.BACKWARD)) {
      direction = direction == SessionCommand.FetchDirection.FORWARD ? SessionCommand.FetchDirection.BACKWARD
          : SessionCommand.FetchDirection.FORWARD;
      count = -count;
    }
    if (statement.keyword(i).equals("FROM") || statement.keyword(i).equals("IN")) {
      i++;
    }
    if (i != statement.size() - 1) {
      throw SessionCommandParser.syntaxErrorAt(statement, Math.min(i, statement.size()));
    }
    return new SessionCommand.FetchCursor(name(statement, i), count, move, direction);
  }

  /** FORWARD 0 and FETCH 0 fetch the current row again, as RELATIVE 0 does (0 otherwise means ALL). */
  private static final long RELATIVE_ZERO = Long.MIN_VALUE;

  private static long countOrRelative(long count) {
    return count == 0 ? RELATIVE_ZERO : count;
  }

  private static boolean isCount(SqlStatement statement, int at) {
    if (at >= statement.size()) {
      return false;
    }
    if (statement.token(at).type() == TokenType.NUMBER) {
      return true;
    }
    return (statement.token(at).isPunctuation('-') || statement.token(at).isPunctuation('+'))
        && at + 1 < statement.size() && statement.token(at + 1).type() == TokenType.NUMBER;
  }

  private static long signedCount(SqlStatement statement, int at) {
    if (!isCount(statement, at)) {
      throw SessionCommandParser.syntaxErrorAt(statement, Math.min(at, statement.size()));
    }
    boolean negative = statement.token(at).isPunctuation('-');
    Token number = statement.token(at).type() == TokenType.NUMBER ? statement.token(at) : statement.token(at + 1);
    try {
      long count = Long.parseLong(number.text());
      return negative ? -count : count;
    } catch (NumberFormatException e) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "invalid FETCH count " + number.text());
    }
  }

  private static SessionCommand close(SqlStatement statement) {
    if (statement.size() != 2) {
      throw SessionCommandParser.syntaxErrorAt(statement, Math.min(2, statement.size()));
    }
    return new SessionCommand.CloseCursor(statement.keyword(1).equals("ALL") ? null : name(statement, 1));
  }

  private static String name(SqlStatement statement, int at) {
    if (at >= statement.size()
        || (statement.token(at).type() != TokenType.WORD && statement.token(at).type() != TokenType.QUOTED_IDENTIFIER)) {
      throw SessionCommandParser.syntaxErrorAt(statement, at);
    }
    return statement.token(at).value();
  }
}
