package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.postgres.TableSyncResult;
import io.analytics.engine.postgres.cdc.ChangeCaptureListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces the mirrors a source sync brought up to date on the platform's channels ({@link
 * PlatformChannels}), once the sync has committed, and the mirrors each source transaction streamed
 * by change capture changed, once DuckDB committed it (method {@code cdc}). Tables whose sync failed,
 * tables a sync left to change capture, and incremental syncs that read no row (nothing changed) are
 * not announced.
 */
public final class MirrorSyncNotifier implements ChangeCaptureListener {
  private final NotificationHub hub;
  private final MirrorSyncLog log;

  /** @param log where the announcements are kept for read replicas */
  public MirrorSyncNotifier(NotificationHub hub, MirrorSyncLog log) {
    this.hub = requireNonNull(hub, "hub is null");
    this.log = requireNonNull(log, "log is null");
  }

  /** Whether a session here listens on a mirror_sync channel, or a read replica runs (its sessions may). */
  @Override
  public boolean listening() {
    return hub.anyListening(MirrorSyncNotifier::isMirrorSyncChannel) || log.replicasRunning();
  }

  static boolean isMirrorSyncChannel(String channel) {
    return channel.equals(PlatformChannels.MIRROR_SYNC) || channel.startsWith(PlatformChannels.MIRROR_SYNC + ":");
  }

  @Override
  public void committed(SourceSyncResult transaction) {
    synced(transaction);
  }

  public void synced(SourceSyncResult result) {
    Instant now = Instant.now();
    List<MirrorSyncLog.Entry> entries = new ArrayList<>();
    for (TableSyncResult table : result.tables()) {
      if (changed(table)) {
        entries.add(new MirrorSyncLog.Entry(0, table.mirror(), PlatformChannels.mirrorSyncPayload(result.source(), table, now)));
      }
    }
    if (!entries.isEmpty()) {
      hub.publish(notifications(entries));
      log.append(entries);
    }
  }

  /** The notifications of announcements made here or, on a read replica, read from the writer's log. */
  static List<NotificationHub.Notification> notifications(List<MirrorSyncLog.Entry> entries) {
    List<NotificationHub.Notification> notifications = new ArrayList<>();
    for (MirrorSyncLog.Entry entry : entries) {
      notifications.addAll(PlatformChannels.mirrorSync(entry.mirror(), entry.payload()));
    }
    return notifications;
  }

  private static boolean changed(TableSyncResult table) {
    // A sync lists the tables change capture streams with no row read: not announced; a streamed transaction's are.
    return !table.failed() && (table.method().equals("full") || table.rowsRead() > 0);
  }
}
