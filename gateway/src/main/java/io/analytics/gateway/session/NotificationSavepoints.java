package io.analytics.gateway.session;

import io.analytics.gateway.notify.SessionNotifications;

/** Tells a session's notifications of a SAVEPOINT, RELEASE or ROLLBACK TO that ran, so that they follow its levels. */
final class NotificationSavepoints {
  private NotificationSavepoints() {}

  /** @param depth the savepoints open after the command (a ROLLBACK TO keeps its savepoint open) */
  static void ran(SessionCommand.SavepointCommand.Action action, int depth, SessionNotifications notifications) {
    if (notifications == null) {
      return;
    }
    switch (action) {
      case SAVEPOINT -> notifications.savepointSet();
      case RELEASE -> notifications.savepointReleased(depth);
      case ROLLBACK_TO -> notifications.rolledBackToSavepoint(depth);
    }
  }
}
