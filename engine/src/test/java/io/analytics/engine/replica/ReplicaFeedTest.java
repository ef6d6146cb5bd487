package io.analytics.engine.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.catalog.replica.ReplicaLease;
import io.analytics.catalog.replica.SnapshotPointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaFeedTest {
  @TempDir Path root;

  @Test
  void publishesOnlyWhileAReplicaHoldsALeaseAndOnlyWhenTheWarehouseChanged() throws Exception {
    try (WarehouseWithLake lake = new WarehouseWithLake(root)) {
      ReplicaFeed feed = new ReplicaFeed(lake.home(), lake.publisher(), new ReplicationConfig(100, 15, 0));

      assertThat(feed.update()).as("no replica, no copy").isEmpty();
      assertThat(SnapshotPointer.current(lake.home())).isEmpty();

      new ReplicaLease("1-a", "127.0.0.1", 6000, 0).renew(lake.home());
      SnapshotPointer first = feed.update().orElseThrow();
      assertThat(first.sequence()).isEqualTo(1);
      assertThat(feed.update()).as("unchanged").isEmpty();

      lake.warehouse().execute("INSERT INTO derived.positions VALUES ('NEW', 9)");
      Files.setLastModifiedTime(first.path(lake.home()), FileTime.fromMillis(System.currentTimeMillis() - 1_000));
      SnapshotPointer second = feed.update().orElseThrow();

      assertThat(second.sequence()).isEqualTo(2);
      assertThat(first.path(lake.home())).as("superseded and served by no replica").doesNotExist();
    }
  }
}
