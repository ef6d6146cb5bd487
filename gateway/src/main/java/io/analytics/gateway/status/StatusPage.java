package io.analytics.gateway.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.gateway.activity.SessionActivity;
import io.analytics.gateway.activity.StatementStatistics;
import io.analytics.gateway.cache.ResultCache;
import io.analytics.gateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A read-only web page on the metrics port for operators who would rather look than read
 * {@code /metrics}: {@code /status} (plain HTML, JavaScript and SVG from the jar, no build tool
 * chain) draws what {@code /status.json} says: the lake's layers and datasets (files, size,
 * partitions, last commit, freshness), the PostgreSQL sources, the open sessions (as
 * pg_stat_activity), the top statements (as pg_stat_statements), the result cache, and charts of
 * the last hour sampled by {@link StatusHistory}.
 */
public final class StatusPage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCES = "/io/analytics/gateway/status/";

  private final PlatformHome home;
  private final PlatformConfig config;
  private final GatewayMetrics metrics;
  private final Supplier<List<SessionActivity>> sessions;
  private static final int TOP_STATEMENTS = 20;

  private final StatusHistory history;
  private final StatementStatistics statements;
  private final ResultCache cache;
  private final SourceStatusRows sources;
  private final StatusPageAccess access;

  /** What the page reads besides the home and its configuration. */
  public record Sources(GatewayMetrics metrics, Supplier<List<SessionActivity>> sessions, StatementStatistics statements,
      ResultCache cache, io.analytics.engine.duckdb.DuckDbDatabase database) {}

  public StatusPage(PlatformHome home, PlatformConfig config, Sources from, StatusHistory history) {
    this(home, config, from.metrics(), from.sessions(), history, from.statements(), from.cache(), from.database());
  }

  private StatusPage(PlatformHome home, PlatformConfig config, GatewayMetrics metrics, Supplier<List<SessionActivity>> sessions,
      StatusHistory history, StatementStatistics statements, ResultCache cache, io.analytics.engine.duckdb.DuckDbDatabase database) {
    this.statements = requireNonNull(statements, "statements is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.sources = new SourceStatusRows(database);
    this.access = StatusPageAccess.of(config.gateway().observability(), config::users);
    this.home = requireNonNull(home, "home is null");
    this.config = requireNonNull(config, "config is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.history = requireNonNull(history, "history is null");
  }

  /** Serves {@code /status}, its assets and {@code /status.json} on the metrics endpoint's server. */
  public void register(HttpServer server) {
    server.createContext("/status.json", exchange -> {
      if (allowed(exchange)) {
        respond(exchange, "application/json", JSON.writeValueAsBytes(snapshot()));
      }
    });
    server.createContext("/status", exchange -> {
      if (!allowed(exchange)) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String file = path.equals("/status") || path.equals("/status/") ? "index.html" : path.substring("/status/".length());
      if (!file.matches("[a-z]+\\.(html|js|css)")) {
        respond(exchange, 404, "text/plain", "not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCES + file)) {
        if (in == null) {
          respond(exchange, 404, "text/plain", "not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          return;
        }
        String type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "text/css";
        respond(exchange, type + "; charset=utf-8", in.readAllBytes());
      }
    });
  }

  /** Whether the request may see the page; if not, it has been answered 401 or 403. */
  private boolean allowed(HttpExchange exchange) throws IOException {
    StatusPageAccess.Verdict verdict = access.check(exchange);
    if (verdict == StatusPageAccess.Verdict.ALLOWED) {
      return true;
    }
    byte[] body;
    if (verdict == StatusPageAccess.Verdict.FORBIDDEN) {
      body = "the status page is for users with role admin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      respond(exchange, 403, "text/plain; charset=utf-8", body);
    } else {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"analytics status\", charset=\"UTF-8\"");
      body = "the status page asks for an admin's user name and password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      respond(exchange, 401, "text/plain; charset=utf-8", body);
    }
    return false;
  }

  /** What the page shows, as the gateway sees it now. */
  public Map<String, Object> snapshot() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("home", home.root().toString());
    status.put("time", Instant.now().toString());
    status.put("sessions", sessions());
    status.put("statements", metrics.statementCount());
    status.put("bytesSent", (long) metrics.bytesSentTotal());
    status.put("datasets", datasets());
    List<Map<String, Object>> sourceRows = new ArrayList<>();
    for (PostgresSourceConfig source : config.sources()) {
      sourceRows.add(sources.row(source));
    }
    status.put("sources", sourceRows);
    status.put("topStatements", topStatements());
    status.put("resultCache", Map.of("hits", cache.hits(), "misses", cache.misses(), "bytes", cache.bytes()));
    status.put("history", history.samples());
    return status;
  }

  /** The open sessions, as pg_stat_activity shows them. */
  private List<Map<String, Object>> sessions() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SessionActivity session : sessions.get()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("pid", session.pid());
      row.put("user", session.user());
      row.put("applicationName", session.applicationName());
      row.put("clientAddress", session.clientAddress());
      row.put("backendStart", String.valueOf(session.backendStart()));
      row.put("state", session.state());
      row.put("queryStart", session.queryStart() == null ? null : session.queryStart().toString());
      row.put("query", session.query());
      rows.add(row);
    }
    return rows;
  }

  /** The statements that took the most time in all, as pg_stat_statements ordered by total_exec_time. */
  private List<Map<String, Object>> topStatements() {
    List<Map<String, Object>> rows = new ArrayList<>();
    statements.snapshot().stream()
        .sorted(Comparator.comparingDouble(StatementStatistics.Snapshot::totalMillis).reversed())
        .limit(TOP_STATEMENTS)
        .forEach(statement -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("user", statement.user());
          row.put("query", statement.query());
          row.put("calls", statement.calls());
          row.put("totalMillis", statement.totalMillis());
          row.put("meanMillis", statement.meanMillis());
          row.put("maxMillis", statement.maxMillis());
          row.put("rows", statement.rows());
          rows.add(row);
        });
    return rows;
  }

  private List<Map<String, Object>> datasets() {
    List<Map<String, Object>> datasets = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (Dataset dataset : new LakeScanner(home).scan()) {
      DatasetFiles files = DatasetFiles.of(dataset.directory());
      long lastCommit = 0;
      for (Path file : files.files()) {
        try {
          lastCommit = Math.max(lastCommit, Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
          // A file replaced while we looked: the next refresh of the page sees the new one.
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("layer", dataset.layer().schemaName());
      row.put("name", dataset.qualifiedName());
      row.put("files", files.files().size());
      row.put("bytes", files.totalBytes());
      row.put("partitions", files.partitionColumns());
      row.put("lastCommit", lastCommit == 0 ? null : Instant.ofEpochMilli(lastCommit).toString());
      row.put("freshnessSeconds", lastCommit == 0 ? null : (now - lastCommit) / 1000);
      datasets.add(row);
    }
    return datasets;
  }

  private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
    respond(exchange, 200, contentType, body);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
