package io.analytics.gateway.session;

import io.analytics.gateway.notify.SessionNotifications;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;

/** LISTEN channel, UNLISTEN channel | *, NOTIFY channel [, 'payload']: parsed, and run on the session's notifications. */
final class NotificationStatements {
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

  /** Runs the command if it is one of these; returns whether it was. */
  static boolean run(SessionCommand command, SessionNotifications notifications, boolean inTransaction) {
    if (command instanceof SessionCommand.Listen listen) {
      notifications.listen(listen.channel(), inTransaction);
    } else if (command instanceof SessionCommand.Unlisten unlisten) {
      notifications.unlisten(unlisten.channel(), inTransaction);
    } else if (command instanceof SessionCommand.Notify notify) {
      notifications.notify(notify.channel(), notify.payload(), inTransaction);
    } else {
      return false;
    }
    return true;
  }

  static String tag(SessionCommand command) {
    return command instanceof SessionCommand.Listen ? "LISTEN" : command instanceof SessionCommand.Unlisten ? "UNLISTEN" : "NOTIFY";
  }
}
