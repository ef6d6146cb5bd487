package io.analytics.gateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.analytics.engine.lake.LakeCommitFeed;
import io.analytics.engine.lake.LedgerEntry;
import io.analytics.engine.postgres.TableSyncResult;
import java.time.Instant;
import java.util.List;

/**
 * The channels the platform itself notifies, and their JSON payloads: {@code lake_commit} for every
 * batch committed to a lake dataset and {@code lake_commit:<layer>.<dataset>} for that dataset's
 * alone; {@code mirror_sync} for every source table a sync brought up to date and {@code
 * mirror_sync:<source>.<table>} for that mirror's alone. See docs/GATEWAY.md.
 */
public final class PlatformChannels {
  public static final String LAKE_COMMIT = "lake_commit";
  public static final String MIRROR_SYNC = "mirror_sync";
  /** Notifications the platform sends carry this process id (no session sent them). */
  public static final int PLATFORM_PROCESS_ID = 0;
  /** A batch's source (file names, a query) is cut here, to keep payloads far below PostgreSQL's 8000 bytes. */
  static final int MAX_SOURCE_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private PlatformChannels() {}

  /** Whether a session listening on {@code channel} waits for the platform's notifications. */
  public static boolean isPlatformChannel(String channel) {
    return channel.equals(LAKE_COMMIT) || channel.equals(MIRROR_SYNC)
        || channel.startsWith(LAKE_COMMIT + ":") || channel.startsWith(MIRROR_SYNC + ":");
  }

  /** The two notifications of one lake commit: on the lake's channel and on the dataset's. */
  static List<NotificationHub.Notification> lakeCommit(LakeCommitFeed.Commit commit) {
    LedgerEntry entry = commit.entry();
    ObjectNode payload = JSON.createObjectNode()
        .put("layer", commit.dataset().layer().schemaName())
        .put("dataset", commit.dataset().name())
        .put("commit", entry.batchId())
        .put("rows", entry.rows())
        .put("rejected", entry.rejected())
        .put("files", entry.files())
        .put("source", cut(entry.source()))
        .put("committed_at", entry.committedAt());
    return both(LAKE_COMMIT, commit.dataset().qualifiedName(), text(payload));
  }

  /** The two notifications of one mirror synced: on the sources' channel and on the mirror's ({@code source.table}). */
  static List<NotificationHub.Notification> mirrorSync(String mirror, String payload) {
    return both(MIRROR_SYNC, mirror, payload);
  }

  /** The JSON payload announcing one mirror synced. */
  static String mirrorSyncPayload(String source, TableSyncResult table, Instant at) {
    ObjectNode payload = JSON.createObjectNode()
        .put("source", source)
        .put("mirror", table.mirror())
        .put("method", table.method())
        .put("rows_read", table.rowsRead())
        .put("rows", table.rowsInMirror())
        .put("synced_at", at.toString());
    return text(payload);
  }

  private static List<NotificationHub.Notification> both(String channel, String object, String payload) {
    return List.of(new NotificationHub.Notification(PLATFORM_PROCESS_ID, channel, payload),
        new NotificationHub.Notification(PLATFORM_PROCESS_ID, channel + ":" + object, payload));
  }

  private static String cut(String text) {
    return text.length() <= MAX_SOURCE_CHARS ? text : text.substring(0, MAX_SOURCE_CHARS - 3) + "...";
  }

  private static String text(ObjectNode payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a notification's payload", e);
    }
  }
}
