package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One session's side of LISTEN/NOTIFY, as PostgreSQL has it: NOTIFY (and pg_notify() called by a
 * query) in a transaction is sent when it commits (and dropped if it rolls back; the same channel
 * and payload twice is sent once), outside one once its statement succeeded; LISTEN and UNLISTEN in a
 * transaction take effect when it commits; a ROLLBACK TO drops those made after its savepoint
 * ({@link PendingNotifications}); notifications for this session wait while it is in a transaction
 * and are written before its next ReadyForQuery, or at once when it is idle.
 */
public final class SessionNotifications implements NotificationHub.Listener {
  /** PostgreSQL's limit on a payload (NOTIFY refuses longer ones with 22023). */
  static final int MAX_PAYLOAD_BYTES = 7999;
  /** PostgreSQL's limit on a channel name (NAMEDATALEN - 1 bytes; pg_notify refuses longer ones with 22023). */
  static final int MAX_CHANNEL_BYTES = 63;

  private final NotificationHub hub;
  private final int processId;
  private final Consumer<Runnable> sessionThread;
  private final Set<String> listening = new HashSet<>();
  /** What the open transaction does when it commits (or, outside one, the statement that succeeds). */
  private final PendingNotifications pending = new PendingNotifications();
  /** pg_notify() calls of the running statement, made on DuckDB's threads. */
  private final ConcurrentLinkedQueue<NotificationHub.Notification> fromQueries = new ConcurrentLinkedQueue<>();
  /**
   * The error pg_notify() raised in the running statement, on DuckDB's threads: DuckDB reports it,
   * but inside a transaction block its streaming interface can lose it (see {@link #statementFailed}).
   */
  private final AtomicReference<PlatformException> queryError = new AtomicReference<>();
  private final ConcurrentLinkedQueue<NotificationHub.Notification> received = new ConcurrentLinkedQueue<>();
  /** Writes received notifications to the client if the session is idle now; runs on the session's thread. */
  private final Runnable deliverIfIdle;
  /** What the session's pg_notify() passes to the query function to name this session; 0 until asked. */
  private long queryToken;

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

  /** LISTEN: now, or when the open transaction commits. */
  public void listen(String channel, boolean inTransaction) {
    if (inTransaction) {
      pending.listen(channel);
    } else if (listening.add(channel)) {
      hub.listen(channel, this);
    }
  }

  /** UNLISTEN channel, or UNLISTEN * when channel is null: now, or when the open transaction commits. */
  public void unlisten(String channel, boolean inTransaction) {
    if (inTransaction) {
      if (channel == null) {
        pending.unlistenAll();
      } else {
        pending.unlisten(channel);
      }
      return;
    }
    for (String name : channel == null ? List.copyOf(listening) : List.of(channel)) {
      if (listening.remove(name)) {
        hub.unlisten(name, this);
      }
    }
  }

  /** NOTIFY: held until the transaction commits, or sent now when there is none. */
  public void notify(String channel, String payload, boolean inTransaction) {
    pending.send(notification(channel, payload));
    if (!inTransaction) {
      transactionEnded(true);
    }
  }

  /**
   * From DuckDB's threads: pg_notify() called by the running statement. Sent when its transaction
   * commits, or when it succeeded outside one ({@link #statementsSucceeded}); dropped if it fails.
   */
  void notifyFromQuery(String channel, String payload) {
    try {
      fromQueries.add(notification(channel == null ? "" : channel, payload == null ? "" : payload));
    } catch (PlatformException e) {
      queryError.compareAndSet(null, e);
      throw e;
    }
  }

  private NotificationHub.Notification notification(String channel, String payload) {
    if (channel.isEmpty()) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "channel name cannot be empty");
    }
    if (channel.getBytes(StandardCharsets.UTF_8).length > MAX_CHANNEL_BYTES) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "channel name too long");
    }
    if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "payload string too long");
    }
    return new NotificationHub.Notification(processId, channel, payload);
  }

  NotificationHub hub() {
    return hub;
  }

  /** The token the session's pg_notify() macro passes to {@link NotifyFunction}, registering this session under it. */
  public long queryToken() {
    if (queryToken == 0) {
      queryToken = hub.registerQuerySender(this);
    }
    return queryToken;
  }

  /** The transaction ended: its LISTENs apply and its notifications are sent if it committed, all dropped if not. */
  public void transactionEnded(boolean committed) {
    if (committed) {
      applyPendingListens();
    }
    takeQueryNotifications();
    List<NotificationHub.Notification> sends = pending.takeSends();
    pending.clear();
    if (committed && !sends.isEmpty()) {
      hub.publish(sends);
    }
  }

  /** SAVEPOINT ran: what follows it can be rolled back alone. */
  public void savepointSet() {
    takeQueryNotifications();
    pending.savepoint();
  }

  /** RELEASE ran, leaving {@code depth} savepoints open: what was done since is kept. */
  public void savepointReleased(int depth) {
    takeQueryNotifications();
    pending.released(depth);
  }

  /** ROLLBACK TO the savepoint that is now the innermost of {@code depth}: what was done since it was set is dropped. */
  public void rolledBackToSavepoint(int depth) {
    takeQueryNotifications();
    pending.rolledBack(depth);
  }

  /** The pg_notify() calls of the statements that succeeded join the transaction's notifications. */
  private void takeQueryNotifications() {
    for (NotificationHub.Notification n = fromQueries.poll(); n != null; n = fromQueries.poll()) {
      pending.send(n);
    }
  }

  /** The session is ready for a query outside a transaction: what its statements' pg_notify() calls queued is sent. */
  public void statementsSucceeded() {
    if (!fromQueries.isEmpty()) {
      transactionEnded(true);
    }
  }

  /** A statement is about to run: no pg_notify() error of an earlier one is pending. */
  public void statementStarting() {
    queryError.set(null);
  }

  /**
   * A statement failed with {@code reported}: the pg_notify() calls it made are dropped; the error
   * to report is pg_notify()'s own if it raised one (DuckDB's streaming interface loses it inside a
   * transaction block, where the statement cannot be run again to find it).
   */
  public PlatformException statementFailed(PlatformException reported) {
    fromQueries.clear();
    PlatformException raised = queryError.getAndSet(null);
    return raised != null ? raised : reported;
  }

  private void applyPendingListens() {
    if (pending.unlistensAll()) {
      unlisten(null, false);
    }
    for (Map.Entry<String, Boolean> change : pending.listenChanges().entrySet()) {
      if (change.getValue()) {
        listen(change.getKey(), false);
      } else {
        unlisten(change.getKey(), false);
      }
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
    unlisten(null, false);
    pending.clear();
    fromQueries.clear();
    if (queryToken != 0) {
      hub.unregisterQuerySender(queryToken);
    }
  }
}
