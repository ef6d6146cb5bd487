package io.analytics.gateway.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
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
  /** A session's cancel key: the pair a client receives in BackendKeyData. */
  public record KeyData(int processId, int secretKey) {}

  private record Entry(KeyData key, CancelTarget target) {}

  private final Map<Integer, Entry> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger nextProcessId = new AtomicInteger(10_000);
  private final SecureRandom random = new SecureRandom();

  public KeyData register(CancelTarget target) {
    int processId;
    do {
      processId = nextProcessId.getAndIncrement() & 0x3FFFFFFF;
    } while (processId == 0 || sessions.containsKey(processId));
    KeyData key = new KeyData(processId, random.nextInt());
    sessions.put(processId, new Entry(key, target));
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

  public int size() {
    return sessions.size();
  }

  public List<CancelTarget> targets() {
    return sessions.values().stream().map(Entry::target).toList();
  }
}
