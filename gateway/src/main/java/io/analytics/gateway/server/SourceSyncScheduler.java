package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.postgres.PostgresTarget;
import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.postgres.SyncRequests;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.cdc.ChangeCaptureState;
import io.analytics.engine.postgres.cdc.SourceChangeCapture;
import io.analytics.engine.postgres.cdc.StreamHooks;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.notify.MirrorSyncNotifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's Postgres sources fresh: syncs each at start and then every {@code
 * syncIntervalSeconds} (a source that is down is retried every {@value #RETRY_SECONDS} s), and
 * answers {@code analytics sync} requests. Failures are logged with the source's name; the gateway
 * keeps serving.
 */
public final class SourceSyncScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceSyncScheduler.class);
  static final int RETRY_SECONDS = 30;

  private final PlatformHome home;
  private final PlatformConfig config;
  private final SourceSynchronizer synchronizer;
  private final SyncRequests requests;
  private final ScheduledExecutorService executor;
  private final DuckDbDatabase database;
  private final MirrorSyncNotifier synced;
  private final List<SourceChangeCapture> captures = new ArrayList<>();
  private final List<Thread> captureThreads = new ArrayList<>();

  /** @param synced told of every sync that ran and every transaction change capture applied, once committed */
  SourceSyncScheduler(PlatformHome home, PlatformConfig config, SourceSynchronizer synchronizer, DuckDbDatabase database,
      MirrorSyncNotifier synced) {
    this.synced = requireNonNull(synced, "synced is null");
    this.database = requireNonNull(database, "database is null");
    this.home = requireNonNull(home, "home is null");
    this.config = requireNonNull(config, "config is null");
    this.synchronizer = requireNonNull(synchronizer, "synchronizer is null");
    this.requests = new SyncRequests(home);
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "source-sync");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Schedules the first sync of every source now, and the polling of sync requests; starts change
   * capture for the mirrored sources that enable it (it decides itself whether the source allows it).
   */
  void start() {
    if (!config.sources().isEmpty()) {
      // Made once here, before the threads: DuckDB refuses concurrent creations of one table.
      try (java.sql.Connection duck = database.connect()) {
        ChangeCaptureState.ensure(duck);
      } catch (java.sql.SQLException e) {
        LOG.warn("cannot prepare the source state tables: {}", e.getMessage());
      }
    }
    for (PostgresSourceConfig source : config.sources()) {
      executor.execute(() -> syncAndReschedule(source));
      if (source.changeCapture() && !synchronizer.attachedLive(source.name())) {
        startChangeCapture(source);
      }
    }
    executor.scheduleWithFixedDelay(this::answerRequests, 1, 1, TimeUnit.SECONDS);
  }

  private void startChangeCapture(PostgresSourceConfig source) {
    SourceChangeCapture capture = new SourceChangeCapture(source, database, synchronizer,
        () -> stillAttached(source.name()), StreamHooks.NONE, synced);
    Thread thread = new Thread(capture, "cdc-" + source.name());
    thread.setDaemon(true);
    captures.add(capture);
    captureThreads.add(thread);
    thread.start();
  }

  /** Whether the home's configuration still names the source (a gateway given its configuration in code: yes). */
  private boolean stillAttached(String source) {
    if (!java.nio.file.Files.exists(home.configFile())) {
      return true;
    }
    return PlatformConfig.load(home.configFile(), System.getenv()).sources().stream()
        .anyMatch(s -> s.name().equals(source));
  }

  /** Change capture's lag per source, in bytes and seconds, on /metrics. */
  void registerGauges(GatewayMetrics metrics) {
    for (PostgresSourceConfig source : config.sources()) {
      metrics.gauge("source.cdc.lag.bytes", "WAL the source keeps for change capture, in bytes", "source", source.name(),
          this, scheduler -> scheduler.lag(source.name(), "lag_bytes"));
      metrics.gauge("source.cdc.lag.seconds", "Seconds since change capture last caught up with the source", "source",
          source.name(), this, scheduler -> scheduler.lag(source.name(), "lag_seconds"));
    }
  }

  private double lag(String source, String column) {
    try (java.sql.Connection duck = database.connect();
        java.sql.Statement statement = duck.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("SELECT " + column + " FROM " + ChangeCaptureState.TABLE
            + " WHERE source = '" + source.replace("'", "''") + "' AND status = 'streaming'")) {
      return rows.next() ? rows.getDouble(1) : Double.NaN;
    } catch (java.sql.SQLException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Syncs every source now, on the caller's thread (tests, and a first sync that must finish). */
  public List<SourceSyncResult> syncNow() {
    List<SourceSyncResult> results = new ArrayList<>();
    for (PostgresSourceConfig source : config.sources()) {
      results.add(syncLogged(source, null, false));
    }
    return results;
  }

  private void syncAndReschedule(PostgresSourceConfig source) {
    SourceSyncResult result = syncLogged(source, null, false);
    int interval = source.syncIntervalSeconds();
    int next = result.error() != null ? (interval == 0 ? RETRY_SECONDS : Math.min(interval, RETRY_SECONDS)) : interval;
    if (next > 0 && !executor.isShutdown()) {
      executor.schedule(() -> syncAndReschedule(source), next, TimeUnit.SECONDS);
    }
  }

  private SourceSyncResult syncLogged(PostgresSourceConfig source, String table, boolean full) {
    return syncLogged(source, table, full, io.analytics.engine.postgres.SyncProgress.NONE);
  }

  private SourceSyncResult syncLogged(PostgresSourceConfig source, String table, boolean full,
      io.analytics.engine.postgres.SyncProgress progress) {
    try {
      SourceSyncResult result = synchronizer.sync(source, table, full, progress);
      synced.synced(result);
      if (result.succeeded()) {
        LOG.info("postgres source {}: {}", source.name(), String.join("; ", result.summaryLines()));
      } else {
        LOG.warn("postgres source {}: {}", source.name(), String.join("; ", result.summaryLines()));
      }
      return result;
    } catch (RuntimeException e) {
      LOG.warn("postgres source {}: sync failed: {}", source.name(), e.getMessage());
      return new SourceSyncResult(source.name(), "mirror", null, e.getMessage(), List.of());
    }
  }

  private void answerRequests() {
    for (SyncRequests.Request request : requests.pending()) {
      List<String> lines = new ArrayList<>();
      boolean succeeded = true;
      try {
        // Read the file again: the source may have been attached after the gateway started.
        PlatformConfig current = PlatformConfig.load(home.configFile(), System.getenv());
        List<PostgresSourceConfig> sources = request.source() == null
            ? current.sources() : List.of(PostgresTarget.source(current, request.source()));
        for (PostgresSourceConfig source : sources) {
          SourceSyncResult result = syncLogged(source, request.table(), request.full(), requests.progressOf(request, source.name()));
          lines.addAll(result.summaryLines());
          succeeded &= result.succeeded();
        }
      } catch (RuntimeException e) {
        lines.add("error: " + e.getMessage());
        succeeded = false;
      }
      requests.complete(request, lines, succeeded);
    }
  }

  @Override
  public void close() {
    captures.forEach(SourceChangeCapture::stop);
    for (Thread thread : captureThreads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
