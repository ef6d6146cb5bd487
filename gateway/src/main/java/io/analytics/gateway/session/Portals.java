package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's open portals by name: the unnamed one of the extended protocol, named ones, and the
 * cursors DECLARE made. Owns them: whatever is removed here is closed.
 */
final class Portals {
  private final Map<String, Portal> open = new HashMap<>();

  /** The portal, or 34000 when there is none of that name. */
  Portal require(String name) {
    Portal portal = open.get(name);
    if (portal == null) {
      throw new PlatformException(
          SqlState.INVALID_CURSOR_NAME, name.isEmpty() ? "unnamed portal does not exist" : "portal \"" + name + "\" does not exist");
    }
    return portal;
  }

  /** The portal, or null. */
  Portal find(String name) {
    return open.get(name);
  }

  boolean contains(String name) {
    return open.containsKey(name);
  }

  /** Adds a portal, closing one of the same name (the unnamed portal is replaced by each Bind). */
  void put(Portal portal) {
    close(portal.name());
    open.put(portal.name(), portal);
  }

  void close(String name) {
    Portal portal = open.remove(name);
    if (portal != null) {
      portal.close();
    }
  }

  /** Closes the portals of a prepared statement that is closed. */
  void closeAllOf(PreparedPlan plan) {
    open.values().removeIf(portal -> {
      if (portal.plan() == plan) {
        portal.close();
        return true;
      }
      return false;
    });
  }

  void closeAll() {
    open.values().forEach(Portal::close);
    open.clear();
  }

  /**
   * A transaction's end closes its portals, except cursors declared WITH HOLD, which stay for FETCH,
   * as PostgreSQL keeps them (the engine parks their rows in memory before the COMMIT runs).
   */
  void closeTransactionPortals() {
    open.values().removeIf(portal -> {
      if (portal.isHoldable()) {
        return false;
      }
      portal.close();
      return true;
    });
  }

  /** The cursors DECLARE made in this session, for pg_cursors. */
  List<PgCursors.Cursor> declaredCursors() {
    List<PgCursors.Cursor> cursors = new ArrayList<>();
    for (Portal portal : open.values()) {
      if (portal.isDeclared()) {
        cursors.add(new PgCursors.Cursor(portal.name(), portal.plan().statement().sql(), portal.isHoldable(),
            portal.formats().length > 0 && portal.formats()[0] == 1, portal.createdAt()));
      }
    }
    return cursors;
  }
}
