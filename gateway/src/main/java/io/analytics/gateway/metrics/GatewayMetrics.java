package io.analytics.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's metrics, in Micrometer, scraped as Prometheus text: open connections by user,
 * statements by kind and outcome (count and latency histogram), rows and bytes sent, errors by
 * SQLSTATE, cancellations, queued statements, DuckDB's memory and spill use, and the JVM's memory,
 * threads and CPU.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicInteger> connectionsByUser = new ConcurrentHashMap<>();
  /** The statement timers of each kind: outcome ok, then error. */
  private final Map<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();
  private final Counter rowsSent;
  private final Counter bytesSent;
  private final Counter cancellations;
  private final DistributionSummary queueWait;
  private final LatencyWindow latencies = new LatencyWindow();

  public GatewayMetrics() {
    rowsSent = Counter.builder("gateway.rows.sent").description("Rows sent to clients").register(registry);
    bytesSent = Counter.builder("gateway.bytes.sent").baseUnit("bytes").description("Bytes sent to clients").register(registry);
    cancellations = Counter.builder("gateway.cancellations").description("Statements cancelled by clients").register(registry);
    queueWait = DistributionSummary.builder("gateway.admission.wait").baseUnit("milliseconds")
        .description("Time statements waited for their turn to run").register(registry);
    // The JVM's own figures (heap and direct memory per pool, threads, CPU): what an operator checks
    // first when a gateway slows down, and what the benchmark samples to measure the gateway's heap.
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  public void connectionOpened(String user) {
    connectionsByUser.computeIfAbsent(user, name -> {
      AtomicInteger count = new AtomicInteger();
      Gauge.builder("gateway.connections", count, AtomicInteger::get).tag("user", name)
          .description("Open sessions").register(registry);
      return count;
    }).incrementAndGet();
  }

  public void connectionClosed(String user) {
    AtomicInteger count = connectionsByUser.get(user);
    if (count != null) {
      count.decrementAndGet();
    }
  }

  /** The latencies of the statements since the status page's last sample. */
  public LatencyWindow latencies() {
    return latencies;
  }

  /** A statement ended: {@code kind} is read, write, ddl, ...; {@code outcome} is ok or the SQLSTATE. */
  public void statement(String kind, String outcome, long nanos, long rows) {
    latencies.add(nanos);
    boolean ok = outcome.equals("ok");
    // Looked up without building a key or a lambda on every statement: the timers are few and made once.
    AtomicReferenceArray<Timer> byOutcome = timers.get(kind);
    if (byOutcome == null) {
      byOutcome = timers.computeIfAbsent(kind, name -> new AtomicReferenceArray<>(2));
    }
    int slot = ok ? 0 : 1;
    Timer timer = byOutcome.get(slot);
    if (timer == null) {
      byOutcome.compareAndSet(slot, null, statementTimer(kind, ok ? "ok" : "error"));
      timer = byOutcome.get(slot);
    }
    timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (!outcome.equals("ok")) {
      Counter.builder("gateway.errors").tag("sqlstate", outcome).description("Errors by SQLSTATE").register(registry).increment();
    }
    if (rows > 0) {
      rowsSent.increment(rows);
    }
  }

  /** Statements ended since the gateway started, for the status page. */
  public long statementCount() {
    long count = 0;
    for (AtomicReferenceArray<Timer> byOutcome : timers.values()) {
      for (int slot = 0; slot < byOutcome.length(); slot++) {
        Timer timer = byOutcome.get(slot);
        count += timer == null ? 0 : timer.count();
      }
    }
    return count;
  }

  private Timer statementTimer(String kind, String outcome) {
    return Timer.builder("gateway.statements").tag("kind", kind).tag("outcome", outcome)
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
        .description("Statements by kind and outcome").register(registry);
  }

  /** Bytes sent to clients since the gateway started. */
  public double bytesSentTotal() {
    return bytesSent.count();
  }

  public void bytesSent(long bytes) {
    bytesSent.increment(bytes);
  }

  public void cancellation() {
    cancellations.increment();
  }

  public void queued(long waitedMillis) {
    queueWait.record(waitedMillis);
  }

  /** A gauge computed when scraped (DuckDB memory, Arrow memory, queue length). */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(registry);
  }

  /** A gauge with one tag ({@code source="oltp"}), computed when scraped. */
  public <T> void gauge(String name, String description, String tag, String tagValue, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).tag(tag, tagValue).register(registry);
  }

  /** Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
