package io.analytics.engine.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.CatalogChanges;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's DuckDB prepared statements of SELECTs, kept by their text, so that a statement
 * repeated through the simple protocol or an unnamed Parse is not parsed, bound and planned again
 * (DuckDB's prepare was a third of a {@code SELECT 1}). A kept statement is handed out again only
 * while the instance's catalog has not changed since it was prepared (no DDL, SET, ATTACH, view
 * refresh or transaction end counted in {@link CatalogChanges}) and the session's state is the same
 * object: its result columns and the names it bound to are then what a fresh prepare would give.
 * A statement in use (a portal may still read it) is closed only once its last user gave it back.
 */
final class PlanCache {
  /** Statements kept per session: a dashboard repeats a few dozen; DuckDB's plans are not free to hold. */
  static final int CAPACITY = 64;
  /** Longer texts are rarely repeated word for word. */
  static final int MAX_TEXT_CHARS = 8 * 1024;

  private final EngineSession session;
  private final CatalogChanges catalogChanges;
  private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(32, 0.75f, true);

  /** A kept statement, the catalog version and session state it was prepared under, and its users now. */
  private static final class Kept {
    final PreparedQuery query;
    final long catalogVersion;
    final Object sessionState;
    int users;
    boolean dropped;

    Kept(PreparedQuery query, long catalogVersion, Object sessionState) {
      this.query = query;
      this.catalogVersion = catalogVersion;
      this.sessionState = sessionState;
    }
  }

  PlanCache(EngineSession session, CatalogChanges catalogChanges) {
    this.session = requireNonNull(session, "session is null");
    this.catalogChanges = requireNonNull(catalogChanges, "catalogChanges is null");
  }

  /** The kept statement for {@code sql} if still valid, else a fresh one (kept from now on). */
  PreparedQuery prepare(String sql, Object sessionState) {
    requireNonNull(sql, "sql is null");
    if (sql.length() > MAX_TEXT_CHARS) {
      return session.prepare(sql);
    }
    // Read before preparing: a change made while DuckDB prepares makes this plan stale at once.
    long version = catalogChanges.version();
    Kept known = kept.get(sql);
    if (known != null) {
      if (known.catalogVersion == version && known.sessionState == sessionState) {
        known.users++;
        return known.query;
      }
      kept.remove(sql);
      drop(known);
    }
    PreparedQuery fresh = session.prepare(sql);
    Kept entry = new Kept(fresh, version, sessionState);
    entry.users = 1;
    fresh.keptBy(() -> giveBack(entry));
    kept.put(sql, entry);
    dropLeastRecentlyUsed();
    return fresh;
  }

  /** Closes every kept statement (the session ends). */
  void closeAll() {
    List<Kept> all = new ArrayList<>(kept.values());
    kept.clear();
    for (Kept entry : all) {
      entry.users = 0;
      drop(entry);
    }
  }

  /** How many statements are kept now (for tests). */
  int size() {
    return kept.size();
  }

  private void giveBack(Kept entry) {
    entry.users--;
    if (entry.dropped && entry.users <= 0) {
      entry.query.closeStatement();
    }
  }

  private void drop(Kept entry) {
    if (entry.dropped) {
      return;
    }
    entry.dropped = true;
    if (entry.users <= 0) {
      entry.query.closeStatement();
    }
  }

  private void dropLeastRecentlyUsed() {
    Iterator<Map.Entry<String, Kept>> eldest = kept.entrySet().iterator();
    while (kept.size() > CAPACITY && eldest.hasNext()) {
      Kept entry = eldest.next().getValue();
      eldest.remove();
      drop(entry);
    }
  }
}
