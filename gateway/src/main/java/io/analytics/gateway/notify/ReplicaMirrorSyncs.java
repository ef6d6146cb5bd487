package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.DuckDbDatabase;
import java.util.List;

/**
 * On a read replica: announces on mirror_sync the syncs and streamed transactions the writer logged
 * ({@link MirrorSyncLog}) in each newer snapshot the replica attaches, so its listeners hear of new
 * mirror rows once the replica serves them. What the snapshot held when the replica started is not
 * announced again.
 */
public final class ReplicaMirrorSyncs {
  private final NotificationHub hub;
  private final DuckDbDatabase database;
  private final String catalog;
  private long announcedUpTo;

  /** @param catalog the name the replica's instance attaches the warehouse snapshot as */
  public ReplicaMirrorSyncs(NotificationHub hub, DuckDbDatabase database, String catalog) {
    this.hub = requireNonNull(hub, "hub is null");
    this.database = requireNonNull(database, "database is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    List<MirrorSyncLog.Entry> past = MirrorSyncLog.after(database, catalog, 0);
    this.announcedUpTo = past.isEmpty() ? 0 : past.get(past.size() - 1).sequence();
  }

  /** A newer snapshot is attached: what its log gained is announced. */
  public void snapshotAttached() {
    List<MirrorSyncLog.Entry> entries = MirrorSyncLog.after(database, catalog, announcedUpTo);
    if (entries.isEmpty()) {
      return;
    }
    announcedUpTo = entries.get(entries.size() - 1).sequence();
    hub.publish(MirrorSyncNotifier.notifications(entries));
  }
}
