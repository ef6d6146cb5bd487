package io.analytics.gateway.cache;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Results of repeated read-only statements over the lake, kept as the exact bytes the gateway sent
 * (RowDescription, DataRows, CommandComplete) and answered from memory while the lake datasets they
 * read are unchanged: the lake changes only by commits, and a commit to a dataset changes the
 * signature {@link LakeVersions} holds for it, so the next lookup misses. Bounded by the bytes it
 * holds (gateway.resultCache.maxMemory); the least recently used results go first.
 */
public final class ResultCache {
  /** One result bigger than this fraction of the cache is not kept: it would flush the rest. */
  private static final int LARGEST_SHARE = 8;
  private static final int ANALYSES = 4096;

  /** What a cached result is known by: the statement's text, who ran it, and the settings that shape its bytes. */
  record Key(String sql, String role, String user, String settings) {}

  /** A result as sent, with the signatures of the datasets it read when it was run. */
  record Entry(byte[] response, long rows, Map<String, String> versions) {}

  private final long maxBytes;
  private final LakeVersions versions;
  private final FunctionStability stability;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final LinkedHashMap<String, Optional<Set<String>>> analyses = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<Set<String>>> eldest) {
      return size() > ANALYSES;
    }
  };
  private long bytes;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  public ResultCache(long maxBytes, LakeVersions versions, FunctionStability stability) {
    this.maxBytes = maxBytes;
    this.versions = requireNonNull(versions, "versions is null");
    this.stability = requireNonNull(stability, "stability is null");
  }

  /** A cache that keeps nothing (gateway.resultCache.maxMemory = 0). */
  public static ResultCache disabled() {
    return new ResultCache(0, new LakeVersions(), new FunctionStability(Map.of()));
  }

  boolean enabled() {
    return maxBytes > 0;
  }

  /** The datasets {@code sql} reads if its result may be cached, from its parse tree; remembered per text. */
  Optional<Set<String>> datasetsRead(String sql, UnaryOperator<String> parseTree) {
    synchronized (analyses) {
      Optional<Set<String>> known = analyses.get(sql);
      if (known != null) {
        return known;
      }
    }
    Optional<Set<String>> read = CacheableRead.datasetsRead(parseTree.apply(sql), stability);
    synchronized (analyses) {
      analyses.put(sql, read);
    }
    return read;
  }

  /** The signatures of the datasets now, taken before the statement runs; null if one is not a lake dataset. */
  Map<String, String> versionsOf(Set<String> datasets) {
    return versions.snapshot(datasets);
  }

  /** The cached result for {@code key} if the datasets it read are unchanged; counts a hit or a miss. */
  synchronized Entry lookup(Key key) {
    return lookup(key, true);
  }

  /** As {@link #lookup(Key)}; a miss is counted only when {@code countMiss}. */
  synchronized Entry lookup(Key key, boolean countMiss) {
    Entry entry = entries.get(key);
    if (entry != null && !versions.unchanged(entry.versions())) {
      remove(key);
      entry = null;
    }
    if (entry != null) {
      hits.increment();
    } else if (countMiss) {
      misses.increment();
    }
    return entry;
  }

  /** Whether the signatures are those of the lake as it is now (see {@link LakeVersions#current}). */
  boolean lakeCurrent() {
    return versions.current();
  }

  /** Whether a result for {@code key} is cached over unchanged datasets, without counting a hit or a miss (for EXPLAIN). */
  synchronized boolean holds(Key key) {
    Entry entry = entries.get(key);
    return entry != null && versions.unchanged(entry.versions());
  }

  synchronized void put(Key key, Entry entry) {
    long size = sizeOf(key, entry);
    if (size > maxBytes / LARGEST_SHARE) {
      return;
    }
    remove(key);
    entries.put(key, entry);
    bytes += size;
    Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Map.Entry<Key, Entry> victim = eldest.next();
      bytes -= sizeOf(victim.getKey(), victim.getValue());
      eldest.remove();
      evictions.increment();
    }
  }

  private void remove(Key key) {
    Entry old = entries.remove(key);
    if (old != null) {
      bytes -= sizeOf(key, old);
    }
  }

  private static long sizeOf(Key key, Entry entry) {
    return entry.response().length + 2L * (key.sql().length() + key.settings().length()) + 256;
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  public long evictions() {
    return evictions.sum();
  }

  /** Bytes held now. */
  public synchronized long bytes() {
    return bytes;
  }
}
