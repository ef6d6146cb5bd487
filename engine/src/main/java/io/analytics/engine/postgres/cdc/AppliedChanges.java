package io.analytics.engine.postgres.cdc;

import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.postgres.TableSyncResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the changes one source transaction applies to each mirror and, once DuckDB committed it,
 * tells the {@link ChangeCaptureListener} which mirrors changed, how many changes each took and how
 * many rows each holds now (counted only while someone listens).
 */
final class AppliedChanges {
  private static final Logger LOG = LoggerFactory.getLogger(AppliedChanges.class);

  private final Connection duck;
  private final String source;
  private final ChangeCaptureListener listener;
  /** The mirror table (in the source's schema) of each relation the stream described. */
  private final Map<Integer, String> mirrors = new HashMap<>();
  /** Changes of the open transaction by mirror table, in the order first changed. */
  private final Map<String, Long> changed = new LinkedHashMap<>();
  private long beganAt;

  AppliedChanges(Connection duck, String source, ChangeCaptureListener listener) {
    this.duck = requireNonNull(duck, "duck is null");
    this.source = requireNonNull(source, "source is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  void relation(int relation, String mirrorTable) {
    mirrors.put(relation, mirrorTable);
  }

  void began() {
    changed.clear();
    beganAt = System.nanoTime();
  }

  void changed(int relation) {
    String mirror = mirrors.get(relation);
    if (mirror != null) {
      changed.merge(mirror, 1L, Long::sum);
    }
  }

  /** The transaction is committed in DuckDB: the listener hears of the mirrors it changed. */
  void committed() {
    if (changed.isEmpty() || !listener.listening()) {
      changed.clear();
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - beganAt);
    List<TableSyncResult> tables = new ArrayList<>();
    for (Map.Entry<String, Long> mirror : changed.entrySet()) {
      tables.add(new TableSyncResult(source + "." + mirror.getKey(), "cdc", mirror.getValue(), rows(mirror.getKey()),
          List.of(), took, null));
    }
    changed.clear();
    try {
      listener.committed(new SourceSyncResult(source, "mirror", null, null, tables));
    } catch (RuntimeException e) {
      LOG.warn("postgres source {}: cannot announce streamed changes: {}", source, e.getMessage());
    }
  }

  /** The rows the mirror holds now, or -1 if they cannot be counted. */
  private long rows(String mirror) {
    try (Statement statement = duck.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + quote(source) + "." + quote(mirror))) {
      return count.next() ? count.getLong(1) : -1;
    } catch (SQLException e) {
      return -1;
    }
  }
}
