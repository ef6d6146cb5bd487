package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;

/**
 * Keeps the Postgres sources visible in one DuckDB database (the warehouse): through DuckDB's
 * postgres extension when it loads (live, nothing copied), else as mirror tables in a schema named
 * after the source ({@code oltp.orders} for {@code public.orders}). Records in {@code
 * platform.sources} which path each source uses and whether it answered. Syncs of one source never
 * overlap; a source that is down is recorded as such and its mirrors stay as they were.
 */
public final class SourceSynchronizer {
  private final DuckDbDatabase database;
  private final DuckDbConfig duckdb;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private volatile Optional<String> extensionUnavailable;
  private final java.util.Set<String> attachedAtStart = ConcurrentHashMap.newKeySet();
  private volatile boolean lateAttachImpossible;

  public SourceSynchronizer(DuckDbDatabase database, DuckDbConfig duckdb) {
    this.database = requireNonNull(database, "database is null");
    this.duckdb = requireNonNull(duckdb, "duckdb is null");
  }

  /**
   * Syncs one source: every table of its schemas, or only {@code table} ({@code orders}, {@code
   * public.orders}) when not null; {@code full} ignores incremental columns. Never throws for a
   * source that is down: the result says so.
   */
  public SourceSyncResult sync(PostgresSourceConfig source, String table, boolean full) {
    return sync(source, table, full, SyncProgress.NONE);
  }

  /** As above, telling {@code progress} how many of the source's estimated rows have been read. */
  public SourceSyncResult sync(PostgresSourceConfig source, String table, boolean full, SyncProgress progress) {
    requireNonNull(source, "source is null");
    requireNonNull(progress, "progress is null");
    synchronized (locks.computeIfAbsent(source.name(), name -> new Object())) {
      try (DuckDBConnection duck = database.connect()) {
        SyncStateTables.ensure(duck);
        if (attachedAtStart.contains(source.name())) {
          SyncStateTables.recordSource(duck, source.name(), "attach", true, null);
          return new SourceSyncResult(source.name(), "attach", "live through DuckDB's postgres extension", null, List.of());
        }
        Optional<String> noExtension = lateAttachImpossible
            ? Optional.of("not attached at gateway start, and the gateway's DuckDB cannot attach later")
            : extensionUnavailable(duck);
        if (noExtension.isEmpty()) {
          return attach(duck, source);
        }
        return mirror(duck, source, table, full, noExtension.get(), progress);
      } catch (SQLException e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot close a DuckDB connection: " + e.getMessage(), e);
      } finally {
        // Mirrors replaced, a source attached: sessions' kept plans must bind again.
        database.catalogChanges().changed();
      }
    }
  }

  /**
   * Runs {@code work} while no sync of {@code source} runs (change capture's snapshot takes the
   * same turn as the syncs, so the two never write the same mirror at once).
   */
  public <T> T exclusively(String source, java.util.function.Supplier<T> work) {
    synchronized (locks.computeIfAbsent(source, name -> new Object())) {
      return work.get();
    }
  }

  /**
   * Loads the postgres extension and attaches the sources now, for a DuckDB instance whose external
   * access is about to be switched off (the serving gateway's): afterwards it could do neither.
   * Sources that cannot be attached now are mirrored instead.
   */
  public void attachBeforeLockdown(List<PostgresSourceConfig> sources) {
    if (sources.isEmpty()) {
      return;
    }
    try (DuckDBConnection duck = database.connect()) {
      if (extensionUnavailable(duck).isPresent()) {
        return;
      }
      for (PostgresSourceConfig source : sources) {
        try {
          PostgresExtension.attach(duck, source);
          attachedAtStart.add(source.name());
        } catch (PlatformException e) {
          // Left to the mirror path by the first sync.
        }
      }
      lateAttachImpossible = true;
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close a DuckDB connection: " + e.getMessage(), e);
    } finally {
      database.catalogChanges().changed();
    }
  }

  /** Whether {@code source} is attached live through the postgres extension (nothing mirrored). */
  public boolean attachedLive(String source) {
    return attachedAtStart.contains(source);
  }

  /** Which path sources take here, and why: "attach" or "mirror (reason)". */
  public String path() {
    try (DuckDBConnection duck = database.connect()) {
      return extensionUnavailable(duck).map(reason -> "mirror (" + reason + ")").orElse("attach");
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close a DuckDB connection: " + e.getMessage(), e);
    }
  }

  private Optional<String> extensionUnavailable(DuckDBConnection duck) {
    Optional<String> known = extensionUnavailable;
    if (known == null) {
      known = PostgresExtension.load(duck, duckdb);
      extensionUnavailable = known;
    }
    return known;
  }

  private SourceSyncResult attach(DuckDBConnection duck, PostgresSourceConfig source) {
    try {
      PostgresExtension.attach(duck, source);
      SyncStateTables.recordSource(duck, source.name(), "attach", true, null);
      return new SourceSyncResult(source.name(), "attach", "live through DuckDB's postgres extension", null, List.of());
    } catch (PlatformException e) {
      SyncStateTables.recordSource(duck, source.name(), "attach", false, e.getMessage());
      return new SourceSyncResult(source.name(), "attach", null, e.getMessage(), List.of());
    }
  }

  /** Syncs each table over one connection, adding to {@code results}; returns why the connection was lost, or null. */
  private static String syncTables(DuckDBConnection duck, Connection pg, PostgresSourceConfig source, List<SourceTable> tables,
      boolean full, SyncProgress progress, List<TableSyncResult> results) {
    String lostConnection = null;
    SyncProgressMeter meter = SyncProgressMeter.start(pg, tables, progress);
    for (SourceTable table : tables) {
      try {
        results.add(new TableMirror(source, table, duck, pg, meter.reading(table)).sync(full));
        meter.done(table);
      } catch (PlatformException e) {
        meter.done(table);
        SyncStateTables.recordFailure(duck, source.name(), table, e.getMessage());
        SourceInterruptions.record(duck, source.name(), "sync of " + table.qualifiedName(), e.getMessage());
        results.add(new TableSyncResult(source.name() + "." + table.mirrorName(), "full", 0, 0, List.of(),
            Duration.ZERO, e.getMessage()));
        if (e.sqlState() == SqlState.CONNECTION_FAILURE) {
          lostConnection = e.getMessage();
        }
      }
    }
    return lostConnection;
  }

  /** The sync is over: a connection the network already broke cannot close cleanly, and need not. */
  private static void closeQuietly(Connection pg) {
    try {
      pg.close();
    } catch (SQLException e) {
      // What the sync did is recorded; the connection is gone either way.
    }
  }

  private SourceSyncResult mirror(
      DuckDBConnection duck, PostgresSourceConfig source, String tableFilter, boolean full, String whyNotAttach,
      SyncProgress progress) {
    Connection pg;
    try {
      pg = PostgresConnections.open(source);
    } catch (PlatformException e) {
      SyncStateTables.recordSource(duck, source.name(), "mirror", false, e.getMessage());
      return new SourceSyncResult(source.name(), "mirror", whyNotAttach, e.getMessage(), List.of());
    }
    try {
      // Tables that change capture streams are its alone: a copy here would race its transactions.
      java.util.Set<String> streamed = SyncStateTables.streamedMirrors(duck, source.name());
      List<SourceTable> all = new SourceCatalogReader(source).tables(pg);
      List<SourceTable> tables = all.stream().filter(t -> !streamed.contains(t.mirrorName())).toList();
      if (tableFilter != null) {
        tables = tables.stream().filter(t -> t.matches(tableFilter)).toList();
        if (tables.isEmpty() && all.stream().noneMatch(t -> t.matches(tableFilter))) {
          throw new PlatformException(SqlState.UNDEFINED_TABLE, "postgres source \"" + source.name()
              + "\" has no table \"" + tableFilter + "\" in its schemas " + source.schemas());
        }
      }
      SyncStateTables.run(duck, "CREATE SCHEMA IF NOT EXISTS " + PgIdentifiers.quote(source.name()));
      List<TableSyncResult> results = new ArrayList<>();
      for (SourceTable table : all) {
        if (streamed.contains(table.mirrorName()) && (tableFilter == null || table.matches(tableFilter))) {
          results.add(new TableSyncResult(source.name() + "." + table.mirrorName(), "cdc", 0, 0, List.of(),
              Duration.ZERO, null));
        }
      }
      String lostConnection = syncTables(duck, pg, source, tables, full, progress, results);
      SyncStateTables.recordSource(duck, source.name(), "mirror", lostConnection == null, lostConnection);
      return new SourceSyncResult(source.name(), "mirror", whyNotAttach, lostConnection, results);
    } catch (PlatformException e) {
      boolean down = e.sqlState() == SqlState.CONNECTION_FAILURE;
      SyncStateTables.recordSource(duck, source.name(), "mirror", !down, e.getMessage());
      if (down) {
        return new SourceSyncResult(source.name(), "mirror", whyNotAttach, e.getMessage(), List.of());
      }
      throw e;
    } finally {
      closeQuietly(pg);
    }
  }
}
