package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One session's side of LISTEN/NOTIFY, as PostgreSQL has it: NOTIFY in a transaction is sent when
 * it commits (and dropped if it rolls back; the same channel and payload twice is sent once),
 * outside one at once; notifications for this session wait while it is in a transaction and are
 * written before its next ReadyForQuery, or at once when it is idle.
 */
public final class SessionNotifications implements NotificationHub.Listener {
  /** PostgreSQL's limit on a payload (NOTIFY refuses longer ones with 22023). */
  static final int MAX_PAYLOAD_BYTES = 7999;

  private final NotificationHub hub;
  private final int processId;
  private final Consumer<Runnable> sessionThread;
  private final Set<String> listening = new HashSet<>();
  private final Set<NotificationHub.Notification> pendingSends = new LinkedHashSet<>();
  private final ConcurrentLinkedQueue<NotificationHub.Notification> received = new ConcurrentLinkedQueue<>();
  /** Writes received notifications to the client if the session is idle now; runs on the session's thread. */
  private final Runnable deliverIfIdle;

  /**
   * @param sessionThread runs a task on the session's own serial executor
   * @param deliverIfIdle writes {@link #drainReceived} to the client when the session is idle outside a transaction
   */
  public SessionNotifications(NotificationHub hub, int processId, Consumer<Runnable> sessionThread, Runnable deliverIfIdle) {
    this.hub = requireNonNull(hub, "hub is null");
    this.processId = processId;
    this.sessionThread = requireNonNull(sessionThread, "sessionThread is null");
    this.deliverIfIdle = requireNonNull(deliverIfIdle, "deliverIfIdle is null");
  }

  public void listen(String channel) {
    if (listening.add(channel)) {
      hub.listen(channel, this);
    }
  }

  /** UNLISTEN channel, or UNLISTEN * when channel is null. */
  public void unlisten(String channel) {
    for (String name : channel == null ? List.copyOf(listening) : List.of(channel)) {
      if (listening.remove(name)) {
        hub.unlisten(name, this);
      }
    }
  }

  /** NOTIFY: held until the transaction commits, or sent now when there is none. */
  public void notify(String channel, String payload, boolean inTransaction) {
    if (channel.isEmpty()) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "channel name cannot be empty");
    }
    if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "payload string too long");
    }
    pendingSends.add(new NotificationHub.Notification(processId, channel, payload));
    if (!inTransaction) {
      transactionEnded(true);
    }
  }

  /** The transaction ended: its notifications are sent if it committed, dropped if not. */
  public void transactionEnded(boolean committed) {
    if (pendingSends.isEmpty()) {
      return;
    }
    List<NotificationHub.Notification> sends = new ArrayList<>(pendingSends);
    pendingSends.clear();
    if (committed) {
      hub.publish(sends);
    }
  }

  /** From any thread: a notification on a channel this session listens to. */
  @Override
  public void notify(NotificationHub.Notification notification) {
    received.add(notification);
    sessionThread.accept(deliverIfIdle);
  }

  /** The notifications received and not yet written, in order; empties the queue. */
  public List<NotificationHub.Notification> drainReceived() {
    List<NotificationHub.Notification> drained = new ArrayList<>();
    for (NotificationHub.Notification n = received.poll(); n != null; n = received.poll()) {
      drained.add(n);
    }
    return drained;
  }

  /** The session closed: it listens no more. */
  public void close() {
    unlisten(null);
    pendingSends.clear();
  }
}
