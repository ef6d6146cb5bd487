package io.analytics.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A transaction's pending LISTEN/NOTIFY follows its savepoints as PostgreSQL's subtransactions. */
class PendingNotificationsTest {
  private final PendingNotifications pending = new PendingNotifications();

  @Test
  void rollbackToASavepointDropsOnlyWhatFollowedIt() {
    pending.send(notification("before"));
    pending.savepoint();
    pending.send(notification("inner"));
    pending.savepoint();
    pending.send(notification("innermost"));
    pending.rolledBack(1);
    pending.send(notification("after"));
    assertThat(payloads(pending.takeSends())).containsExactly("before", "after");
  }

  @Test
  void aDuplicateOfAnEarlierNotificationSurvivesTheRollbackAtItsFirstPlace() {
    pending.send(notification("a"));
    pending.savepoint();
    pending.send(notification("b"));
    pending.send(notification("a"));
    pending.rolledBack(1);
    assertThat(payloads(pending.takeSends())).containsExactly("a");
  }

  @Test
  void releaseKeepsWhatFollowedTheSavepointAndEndsItsLevel() {
    pending.savepoint();
    pending.send(notification("dropped with the outer level"));
    pending.savepoint();
    pending.released(1);
    pending.send(notification("later"));
    pending.rolledBack(1);
    assertThat(payloads(pending.takeSends())).isEmpty();
    pending.send(notification("kept"));
    pending.released(0);
    pending.rolledBack(1); // no savepoint is open any more: nothing to undo
    assertThat(payloads(pending.takeSends())).containsExactly("kept");
  }

  @Test
  void listensAfterASavepointRolledBackAreForgotten() {
    pending.listen("kept");
    pending.savepoint();
    pending.unlistenAll();
    pending.listen("dropped");
    pending.rolledBack(1);
    assertThat(pending.unlistensAll()).isFalse();
    assertThat(pending.listenChanges()).isEqualTo(Map.of("kept", true));
  }

  private static NotificationHub.Notification notification(String payload) {
    return new NotificationHub.Notification(7, "channel", payload);
  }

  private static List<String> payloads(List<NotificationHub.Notification> notifications) {
    return notifications.stream().map(NotificationHub.Notification::payload).toList();
  }
}
