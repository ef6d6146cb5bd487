package io.analytics.gateway.security;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts events per client address over a sliding window (failed logins, CancelRequests), so that
 * one address cannot guess passwords or cancel keys at network speed. Remembers at most a bounded
 * number of addresses, forgetting the least recently seen first.
 */
public final class AddressRateWindow {
  private static final int MAX_ADDRESSES = 10_000;

  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<InetAddress, Deque<Long>> events = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<InetAddress, Deque<Long>> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  public AddressRateWindow(long windowNanos) {
    this(windowNanos, System::nanoTime);
  }

  AddressRateWindow(long windowNanos, LongSupplier clock) {
    this.windowNanos = windowNanos;
    this.clock = clock;
  }

  /** Records an event from the address; returns how many it has had within the window, this one included. */
  public synchronized int record(InetAddress address) {
    Deque<Long> times = prune(address);
    times.addLast(clock.getAsLong());
    return times.size();
  }

  /**
   * Records an event from the address unless it has had {@code limit} within the window already;
   * returns whether it was recorded.
   */
  public synchronized boolean tryRecord(InetAddress address, int limit) {
    Deque<Long> times = prune(address);
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(clock.getAsLong());
    return true;
  }

  /** Forgets the address's latest event (one that turned out not to count). */
  public synchronized void forgetLatest(InetAddress address) {
    Deque<Long> times = events.get(address);
    if (times != null && !times.isEmpty()) {
      times.pollLast();
    }
  }

  /** How many events the address has had within the window. */
  public synchronized int count(InetAddress address) {
    return prune(address).size();
  }

  private Deque<Long> prune(InetAddress address) {
    Deque<Long> times = events.computeIfAbsent(address, a -> new ArrayDeque<>());
    long oldest = clock.getAsLong() - windowNanos;
    while (!times.isEmpty() && times.peekFirst() < oldest) {
      times.pollFirst();
    }
    return times;
  }
}
