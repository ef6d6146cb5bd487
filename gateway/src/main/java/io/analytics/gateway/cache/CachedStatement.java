package io.analytics.gateway.cache;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A statement whose result may come from, or go into, the result cache: {@link #answer} writes a
 * cached result; otherwise {@link #startCapture} and {@link #finishCapture} around the statement's
 * run keep what was sent, if it all stayed in one output buffer (a result large enough to be flushed
 * part-way is not kept).
 */
public final class CachedStatement {
  /** A statement the cache has nothing to do with. */
  public static final CachedStatement NONE = new CachedStatement(null, null, null);

  private final ResultCache cache;
  private final ResultCache.Key key;
  private final Map<String, String> versions;
  private boolean capturing;
  private long flushesAtStart;
  private int captureStart;

  CachedStatement(ResultCache cache, ResultCache.Key key, Map<String, String> versions) {
    this.cache = cache;
    this.key = key;
    this.versions = versions;
  }

  /** What EXPLAIN says about this statement and the cache. */
  String explainLine() {
    if (cache == null) {
      return "Result cache: not used (the statement reads something other than lake datasets, calls a function that is not "
          + "deterministic, or runs in a transaction block)";
    }
    if (versions.isEmpty()) {
      return cache.holds(key)
          ? "Result cache: hit (answered from memory: a select of literals reads no table)"
          : "Result cache: miss (the result is kept when the statement runs: a select of literals reads no table)";
    }
    String datasets = String.join(", ", new java.util.TreeSet<>(versions.keySet()));
    return cache.holds(key)
        ? "Result cache: hit (answered from memory while " + datasets + " stay unchanged)"
        : "Result cache: miss (the result is kept when the statement runs, until " + datasets + " change)";
  }

  /** Writes the cached result into {@code out} if there is one; returns its rows, or -1 on a miss. */
  public long answer(ByteBuf out) {
    return answer(out, true);
  }

  /** As {@link #answer}, but a miss is not counted: the caller will take the usual path, which looks again. */
  public long answerIfHeld(ByteBuf out) {
    return answer(out, false);
  }

  /** Whether the lake's views (and so the datasets' signatures) are current: no commit waits to be seen. */
  public boolean lakeCurrent() {
    return cache != null && cache.lakeCurrent();
  }

  private long answer(ByteBuf out, boolean countMiss) {
    if (cache == null) {
      return -1;
    }
    ResultCache.Entry entry = cache.lookup(key, countMiss);
    if (entry == null) {
      return -1;
    }
    out.writeBytes(entry.response());
    return entry.rows();
  }

  /**
   * Notes where this statement's response starts in the session's output buffer.
   *
   * @param flushes how many times the session's output has been handed to the socket so far
   */
  public void startCapture(Supplier<ByteBuf> output, LongSupplier flushes) {
    if (cache != null) {
      capturing = true;
      flushesAtStart = flushes.getAsLong();
      captureStart = output.get().writerIndex();
    }
  }

  /** Keeps the response if nothing was flushed since {@link #startCapture}: it is then all in the buffer. */
  public void finishCapture(Supplier<ByteBuf> output, LongSupplier flushes) {
    if (!capturing) {
      return;
    }
    capturing = false;
    ByteBuf now = output.get();
    if (flushes.getAsLong() == flushesAtStart && now.writerIndex() > captureStart) {
      byte[] response = SessionResultCache.copy(now, captureStart);
      long rows = SessionResultCache.dataRows(response);
      if (rows >= 0) {
        cache.put(key, new ResultCache.Entry(response, rows, versions));
      }
    }
  }
}
