package io.analytics.gateway.session;

import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.notify.SessionNotifications;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** LISTEN channel, UNLISTEN channel | *, NOTIFY channel [, 'payload']: parsed, and run on the session's notifications. */
final class NotificationStatements {
  /** NAMEDATALEN - 1. */
  private static final int MAX_IDENTIFIER_BYTES = 63;

  private NotificationStatements() {}

  static SessionCommand parse(SqlStatement statement) {
    String keyword = statement.keyword();
    if (keyword.equals("UNLISTEN") && statement.size() == 2 && statement.token(1).isPunctuation('*')) {
      return new SessionCommand.Unlisten(null);
    }
    String channel = channel(statement);
    if (keyword.equals("LISTEN") || keyword.equals("UNLISTEN")) {
      if (statement.size() != 2) {
        throw SessionCommandParser.syntaxErrorAt(statement, 2);
      }
      return keyword.equals("LISTEN") ? new SessionCommand.Listen(channel) : new SessionCommand.Unlisten(channel);
    }
    if (statement.size() == 2) {
      return new SessionCommand.Notify(channel, "");
    }
    if (statement.size() != 4 || !statement.token(2).isPunctuation(',') || statement.token(3).type() != TokenType.STRING) {
      throw SessionCommandParser.syntaxErrorAt(statement, statement.size() > 2 && statement.token(2).isPunctuation(',') ? 3 : 2);
    }
    return new SessionCommand.Notify(channel, statement.token(3).value());
  }

  private static String channel(SqlStatement statement) {
    if (statement.size() < 2) {
      throw SessionCommandParser.syntaxErrorAt(statement, 1);
    }
    Token name = statement.token(1);
    if (name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_IDENTIFIER) {
      throw SessionCommandParser.syntaxErrorAt(statement, 1);
    }
    return name.value();
  }

  /** Runs the command if it is one of these, telling {@code notices} of a channel name cut; returns whether it was. */
  static boolean run(SessionCommand command, SessionNotifications notifications, boolean inTransaction,
      BiConsumer<SqlState, String> notices) {
    if (command instanceof SessionCommand.Listen listen) {
      notifications.listen(identifier(listen.channel(), notices), inTransaction);
    } else if (command instanceof SessionCommand.Unlisten unlisten) {
      notifications.unlisten(unlisten.channel() == null ? null : identifier(unlisten.channel(), notices), inTransaction);
    } else if (command instanceof SessionCommand.Notify notify) {
      notifications.notify(identifier(notify.channel(), notices), notify.payload(), inTransaction);
    } else {
      return false;
    }
    return true;
  }

  /**
   * The channel an identifier names: PostgreSQL's lexer cuts identifiers to NAMEDATALEN - 1 bytes
   * (at a character's end) with a NOTICE, so LISTEN and NOTIFY of a long name meet on the cut name.
   */
  static String identifier(String name, BiConsumer<SqlState, String> notices) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_IDENTIFIER_BYTES) {
      return name;
    }
    int end = name.length();
    while (name.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      end = Character.isLowSurrogate(name.charAt(end - 1)) ? end - 2 : end - 1;
    }
    String cut = name.substring(0, end);
    notices.accept(SqlState.NAME_TOO_LONG, "identifier \"" + name + "\" will be truncated to \"" + cut + "\"");
    return cut;
  }

  static String tag(SessionCommand command) {
    return command instanceof SessionCommand.Listen ? "LISTEN" : command instanceof SessionCommand.Unlisten ? "UNLISTEN" : "NOTIFY";
  }
}
