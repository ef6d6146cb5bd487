package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * LISTEN/NOTIFY between the gateway's sessions: which listeners listen on which channel, and the
 * delivery of committed notifications to them (each listener delivers on its own session's thread).
 */
public final class NotificationHub {
  /** A session that listens: receives notifications from any thread and sends them when it may. */
  public interface Listener {
    void notify(Notification notification);
  }

  /** One notification: the sending session's process id, the channel and the payload. */
  public record Notification(int processId, String channel, String payload) {
    public Notification {
      requireNonNull(channel, "channel is null");
      requireNonNull(payload, "payload is null");
    }
  }

  private final Map<String, Set<Listener>> channels = new ConcurrentHashMap<>();
  /** Sessions whose queries call pg_notify(), by the unguessable token their pg_notify macro passes. */
  private final Map<Long, SessionNotifications> querySenders = new ConcurrentHashMap<>();
  private final java.security.SecureRandom tokens = new java.security.SecureRandom();

  public void listen(String channel, Listener listener) {
    channels.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>()).add(listener);
  }

  public void unlisten(String channel, Listener listener) {
    Set<Listener> listeners = channels.get(channel);
    if (listeners != null) {
      listeners.remove(listener);
    }
  }

  long registerQuerySender(SessionNotifications session) {
    while (true) {
      long token = tokens.nextLong() & Long.MAX_VALUE;
      if (token != 0 && querySenders.putIfAbsent(token, session) == null) {
        return token;
      }
    }
  }

  void unregisterQuerySender(long token) {
    querySenders.remove(token);
  }

  /** pg_notify() called by a query of the session registered under {@code token} (see {@link NotifyFunction}). */
  void notifyFromQuery(long token, String channel, String payload) {
    SessionNotifications session = querySenders.get(token);
    if (session == null) {
      throw new io.analytics.catalog.error.PlatformException(io.analytics.catalog.error.SqlState.INVALID_PARAMETER_VALUE,
          "pg_notify is called by no session of this gateway");
    }
    session.notifyFromQuery(channel, payload);
  }

  /** Whether some session listens on a channel {@code channels} accepts. */
  public boolean anyListening(java.util.function.Predicate<String> channels) {
    for (Map.Entry<String, Set<Listener>> entry : this.channels.entrySet()) {
      if (!entry.getValue().isEmpty() && channels.test(entry.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** Delivers notifications that have committed, in order, to every session listening on their channels. */
  public void publish(List<Notification> notifications) {
    for (Notification notification : notifications) {
      for (Listener listener : channels.getOrDefault(notification.channel(), Set.of())) {
        listener.notify(notification);
      }
    }
  }
}
