package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.engine.lake.LakeCommitFeed;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces the lake's commits on the platform's channels ({@link PlatformChannels}): told each time
 * the gateway's views caught up with the lake (after the commit's change marker moved, whichever
 * process committed), it reads the new batches from the datasets' ledgers, so a listener that queries
 * on receiving one sees the batch.
 */
public final class LakeCommitNotifier {
  private final NotificationHub hub;
  private final LakeCommitFeed feed = new LakeCommitFeed();

  public LakeCommitNotifier(NotificationHub hub) {
    this.hub = requireNonNull(hub, "hub is null");
  }

  /** The views now show {@code datasets}: notifies the batches committed since the previous refresh. */
  public void refreshed(List<Dataset> datasets) {
    List<NotificationHub.Notification> notifications = new ArrayList<>();
    for (LakeCommitFeed.Commit commit : feed.since(datasets)) {
      notifications.addAll(PlatformChannels.lakeCommit(commit));
    }
    if (!notifications.isEmpty()) {
      hub.publish(notifications);
    }
  }

  /** Whether any session listens on a lake channel (then the gateway watches the lake between statements too). */
  public boolean anyoneListening() {
    return hub.anyListening(PlatformChannels::isPlatformChannel);
  }
}
