package io.analytics.gateway.status;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.cache.ResultCache;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.metrics.LatencyWindow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The last hour of the gateway, one sample every ten seconds, for the status page's charts:
 * statements per second, their latency (p50 and p99 of the statements that ended in the interval),
 * bytes sent per second, result-cache hits per second and the JVM's heap in use.
 */
public final class StatusHistory implements AutoCloseable {
  private static final int SAMPLE_SECONDS = 10;
  private static final int SAMPLES = 3600 / SAMPLE_SECONDS;

  private final GatewayMetrics metrics;
  private final ResultCache cache;
  private final Deque<Map<String, Object>> samples = new ArrayDeque<>();
  private final ScheduledExecutorService sampler;
  private long lastStatements;
  private double lastBytes;
  private long lastHits;
  private long lastNanos;

  public StatusHistory(GatewayMetrics metrics, ResultCache cache) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.lastNanos = System.nanoTime();
    this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "status-history");
      thread.setDaemon(true);
      return thread;
    });
    sample();
    sampler.scheduleAtFixedRate(this::sample, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
  }

  /** Takes a sample now (the sampler does every ten seconds). */
  public synchronized void sample() {
    long now = System.nanoTime();
    long statements = metrics.statementCount();
    double bytes = metrics.bytesSentTotal();
    long hits = cache.hits();
    LatencyWindow.Percentiles latency = metrics.latencies().drain();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    Runtime runtime = Runtime.getRuntime();
    samples.addLast(Map.of(
        "time", java.time.Instant.now().toString(),
        "statementsPerSecond", samples.isEmpty() ? 0.0 : (statements - lastStatements) / seconds,
        "p50Millis", latency.p50Millis(),
        "p99Millis", latency.p99Millis(),
        "bytesSentPerSecond", samples.isEmpty() ? 0.0 : (bytes - lastBytes) / seconds,
        "cacheHitsPerSecond", samples.isEmpty() ? 0.0 : (hits - lastHits) / seconds,
        "heapBytes", runtime.totalMemory() - runtime.freeMemory()));
    while (samples.size() > SAMPLES) {
      samples.removeFirst();
    }
    lastStatements = statements;
    lastBytes = bytes;
    lastHits = hits;
    lastNanos = now;
  }

  public synchronized List<Map<String, Object>> samples() {
    return new ArrayList<>(samples);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
