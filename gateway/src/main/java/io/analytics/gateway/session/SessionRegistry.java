package io.analytics.gateway.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import io.analytics.gateway.security.AddressRateWindow;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live sessions by process id, with the secret key each one's CancelRequest must present.
 * Keys come from a SecureRandom and are compared in constant time, so they cannot be guessed.
 */
public final class SessionRegistry {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionRegistry.class);

  /** A session's cancel key: the pair a client receives in BackendKeyData. */
  public record KeyData(int processId, int secretKey) {}

  private record Entry(KeyData key, CancelTarget target, String user) {}

  private final Map<Integer, Entry> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger nextProcessId = new AtomicInteger(10_000);
  private final SecureRandom random = new SecureRandom();
  private final AddressRateWindow cancelRequests = new AddressRateWindow(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
  private final int cancelRequestsPerSecond;

  public SessionRegistry() {
    this(20);
  }

  /** @param cancelRequestsPerSecond CancelRequests accepted from one address per second */
  public SessionRegistry(int cancelRequestsPerSecond) {
    this.cancelRequestsPerSecond = cancelRequestsPerSecond;
  }

  /**
   * A CancelRequest from a client address: dropped when the address sends more than the limit per
   * second (so the 32-bit key cannot be brute-forced), else {@link #cancel(int, int)}.
   */
  public boolean cancelFrom(java.net.InetAddress address, int processId, int secretKey) {
    int recent = cancelRequests.record(address);
    if (recent > cancelRequestsPerSecond) {
      if (recent == cancelRequestsPerSecond + 1) {
        LOG.warn("dropping CancelRequests from {}: more than {} per second", address.getHostAddress(), cancelRequestsPerSecond);
      }
      return false;
    }
    return cancel(processId, secretKey);
  }

  public KeyData register(CancelTarget target) {
    return register(target, "");
  }

  /** Registers a session of this user; returns the key its CancelRequests must present. */
  public KeyData register(CancelTarget target, String user) {
    int processId;
    do {
      processId = nextProcessId.getAndIncrement() & 0x3FFFFFFF;
    } while (processId == 0 || sessions.containsKey(processId));
    KeyData key = new KeyData(processId, random.nextInt());
    sessions.put(processId, new Entry(key, target, user));
    return key;
  }

  public void unregister(KeyData key) {
    if (key != null) {
      sessions.remove(key.processId());
    }
  }

  /** Cancels the session's statement if the key matches; a wrong key does nothing, silently. */
  public boolean cancel(int processId, int secretKey) {
    Entry entry = sessions.get(processId);
    if (entry == null) {
      return false;
    }
    byte[] expected = ByteBuffer.allocate(4).putInt(entry.key().secretKey()).array();
    byte[] given = ByteBuffer.allocate(4).putInt(secretKey).array();
    if (!MessageDigest.isEqual(expected, given)) {
      return false;
    }
    entry.target().cancelRunningStatement();
    return true;
  }

  /** Sessions of this user that are open now. */
  public long sessionsOf(String user) {
    return sessions.values().stream().filter(entry -> entry.user().equals(user)).count();
  }

  /** pg_stat_activity's rows: every live session, now. */
  public List<io.analytics.gateway.activity.SessionActivity> activities() {
    return sessions.values().stream().map(entry -> entry.target().activity()).filter(java.util.Objects::nonNull)
        .sorted(java.util.Comparator.comparingInt(io.analytics.gateway.activity.SessionActivity::pid)).toList();
  }

  /** As in PostgreSQL, other users' statements are hidden from everyone but administrators. */
  List<io.analytics.gateway.activity.SessionActivity> activitiesVisibleTo(String user, boolean administrator) {
    List<io.analytics.gateway.activity.SessionActivity> visible = new java.util.ArrayList<>();
    for (io.analytics.gateway.activity.SessionActivity activity : activities()) {
      boolean mine = activity.user().equals(user) || administrator;
      visible.add(mine ? activity : new io.analytics.gateway.activity.SessionActivity(activity.pid(), activity.database(),
          activity.user(), activity.applicationName(), null, activity.backendStart(), null, null, null, "<insufficient privilege>"));
    }
    return visible;
  }

  /**
   * pg_cancel_backend / pg_terminate_backend: allowed on the caller's own sessions, or any session
   * for an administrator, as PostgreSQL allows members of the owning role and superusers.
   */
  public boolean signal(int processId, String requester, boolean administrator, boolean terminate) {
    Entry entry = sessions.get(processId);
    if (entry == null || (!administrator && !entry.user().equals(requester))) {
      return false;
    }
    if (terminate) {
      entry.target().terminate();
    } else {
      entry.target().cancelRunningStatement();
    }
    return true;
  }

  public int size() {
    return sessions.size();
  }

  public List<CancelTarget> targets() {
    return sessions.values().stream().map(Entry::target).toList();
  }
}
