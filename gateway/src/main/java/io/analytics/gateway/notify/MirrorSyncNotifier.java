package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.postgres.TableSyncResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces the mirrors a source sync brought up to date on the platform's channels ({@link
 * PlatformChannels}), once the sync has committed. Tables whose sync failed, tables left to change
 * capture, and incremental syncs that read no row (nothing changed) are not announced.
 */
public final class MirrorSyncNotifier {
  private final NotificationHub hub;

  public MirrorSyncNotifier(NotificationHub hub) {
    this.hub = requireNonNull(hub, "hub is null");
  }

  public void synced(SourceSyncResult result) {
    Instant now = Instant.now();
    List<NotificationHub.Notification> notifications = new ArrayList<>();
    for (TableSyncResult table : result.tables()) {
      if (changed(table)) {
        notifications.addAll(PlatformChannels.mirrorSync(result.source(), table, now));
      }
    }
    if (!notifications.isEmpty()) {
      hub.publish(notifications);
    }
  }

  private static boolean changed(TableSyncResult table) {
    return !table.failed() && !table.method().equals("cdc") && (table.method().equals("full") || table.rowsRead() > 0);
  }
}
