package io.analytics.gateway.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session's open transaction will do to LISTEN/NOTIFY when it commits: the LISTENs and
 * UNLISTENs to apply and the notifications to send, kept per savepoint as PostgreSQL keeps them per
 * subtransaction, so that ROLLBACK TO drops exactly those made after the savepoint and RELEASE keeps
 * them. The same channel and payload twice is sent once, at its first place.
 */
final class PendingNotifications {
  /** The state when a savepoint was set: what a rollback to it restores. */
  private record Mark(Map<String, Boolean> listens, boolean unlistenAll, int sends) {}

  /** LISTEN (true) and UNLISTEN (false) by channel, the last one per channel winning. */
  private final Map<String, Boolean> listens = new LinkedHashMap<>();
  /** An UNLISTEN * came before the LISTENs in {@link #listens}. */
  private boolean unlistenAll;
  private Set<NotificationHub.Notification> sends = new LinkedHashSet<>();
  /** One mark per open savepoint, the innermost last. */
  private final List<Mark> savepoints = new ArrayList<>();

  void listen(String channel) {
    listens.put(channel, true);
  }

  void unlisten(String channel) {
    listens.put(channel, false);
  }

  void unlistenAll() {
    listens.clear();
    unlistenAll = true;
  }

  void send(NotificationHub.Notification notification) {
    sends.add(notification);
  }

  boolean hasSends() {
    return !sends.isEmpty();
  }

  /** SAVEPOINT: a new innermost level. */
  void savepoint() {
    savepoints.add(new Mark(new LinkedHashMap<>(listens), unlistenAll, sends.size()));
  }

  /** RELEASE: the levels past the first {@code depth} end, their LISTENs and notifications kept. */
  void released(int depth) {
    savepoints.subList(Math.min(depth, savepoints.size()), savepoints.size()).clear();
  }

  /** ROLLBACK TO the savepoint at level {@code depth} (1 the outermost): what was done since it was set is dropped. */
  void rolledBack(int depth) {
    if (depth < 1 || depth > savepoints.size()) {
      return; // not a savepoint this transaction set (the emulation refused it first)
    }
    Mark mark = savepoints.get(depth - 1);
    listens.clear();
    listens.putAll(mark.listens());
    unlistenAll = mark.unlistenAll();
    Set<NotificationHub.Notification> kept = new LinkedHashSet<>();
    for (NotificationHub.Notification notification : sends) {
      if (kept.size() == mark.sends()) {
        break;
      }
      kept.add(notification);
    }
    sends = kept;
    released(depth);
  }

  /** Whether an UNLISTEN * is to be applied before {@link #listenChanges}. */
  boolean unlistensAll() {
    return unlistenAll;
  }

  /** LISTEN (true) and UNLISTEN (false) to apply at commit, by channel, in order. */
  Map<String, Boolean> listenChanges() {
    return listens;
  }

  /** The notifications to send at commit, in order; empties them. */
  List<NotificationHub.Notification> takeSends() {
    List<NotificationHub.Notification> taken = new ArrayList<>(sends);
    sends.clear();
    return taken;
  }

  /** The transaction ended: nothing is pending. */
  void clear() {
    listens.clear();
    unlistenAll = false;
    sends.clear();
    savepoints.clear();
  }
}
