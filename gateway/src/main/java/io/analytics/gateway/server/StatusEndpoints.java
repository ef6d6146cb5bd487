package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.admission.AdmissionControl;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.metrics.MetricsEndpoint;
import io.analytics.gateway.session.GatewayServices;
import io.analytics.gateway.session.SessionRegistry;
import io.analytics.gateway.status.StatusHistory;
import io.analytics.gateway.status.StatusPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The gateway's report on itself: its gauges, and, when a metrics port is configured, the
 * {@code /metrics}, {@code /health} and {@code /status} endpoint with the status page's history.
 */
final class StatusEndpoints implements AutoCloseable {
  private final GatewayServices services;
  private final GatewayMetrics metrics;
  private MetricsEndpoint endpoint;
  private StatusHistory history;

  StatusEndpoints(GatewayServices services) {
    this.services = requireNonNull(services, "services is null");
    this.metrics = services.monitoring().metrics();
  }

  /** Registers the gauges of the sessions, Arrow memory, the admission queue and DuckDB's memory. */
  void registerGauges() {
    DuckDbDatabase database = services.instances().database();
    metrics.gauge("gateway.sessions", "Open sessions", services.registry(), SessionRegistry::size);
    metrics.gauge("gateway.arrow.memory", "Bytes of Arrow memory held by result batches",
        services.instances().allocator(), BufferAllocator::getAllocatedMemory);
    metrics.gauge("gateway.admission.queued", "Statements waiting for their turn", services.statements().admission(),
        AdmissionControl::queued);
    metrics.gauge("duckdb.memory", "Bytes DuckDB's buffer manager holds", database, d -> duckDbMemory(d, "memory_usage_bytes"));
    metrics.gauge("duckdb.temp.storage", "Bytes DuckDB has spilled to its temp directory", database,
        d -> duckDbMemory(d, "temporary_storage_bytes"));
  }

  private static double duckDbMemory(DuckDbDatabase database, String column) {
    try (Connection connection = database.connect();
        ResultSet rows = connection.createStatement().executeQuery("SELECT sum(" + column + ") FROM duckdb_memory()")) {
      return rows.next() ? rows.getDouble(1) : Double.NaN;
    } catch (SQLException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Opens the endpoint when a metrics port is configured; {@code stopping} makes /health answer not ready. */
  void start(BooleanSupplier stopping) {
    ObservabilityConfig observability = services.config().gateway().observability();
    if (observability.metricsPort() <= 0) {
      return;
    }
    try {
      endpoint = MetricsEndpoint.start(observability.metricsListenAddress(), observability.metricsPort(), metrics,
          () -> ready(stopping));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the metrics port " + observability.metricsPort(), e);
    }
    history = new StatusHistory(metrics, services.statements().resultCache());
    endpoint.serve(new StatusPage(services.home(), services.config(),
        new StatusPage.Sources(metrics, services.registry()::activities, services.statements().statementStatistics(),
            services.statements().resultCache(), services.instances().database()), history)::register);
  }

  /** Ready when DuckDB answers a query and the lake's folder can be read. */
  private boolean ready(BooleanSupplier stopping) {
    if (!Files.isReadable(services.home().dataDir()) || stopping.getAsBoolean()) {
      return false;
    }
    try (Connection connection = services.instances().database().connect();
        ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
      return rows.next();
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The endpoint's port, or -1 when it is off. */
  int port() {
    return endpoint == null ? -1 : endpoint.port();
  }

  /** The status page's history, or null when no endpoint is open. */
  StatusHistory history() {
    return history;
  }

  @Override
  public void close() {
    if (endpoint != null) {
      endpoint.close();
    }
    if (history != null) {
      history.close();
    }
  }
}
