package io.analytics.catalog.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaLeaseTest {
  private static final long TIMEOUT_MILLIS = 15_000;

  @TempDir Path dir;

  @Test
  void renewedLeaseIsLiveAndTheLatestRenewalCounts() {
    PlatformHome home = new PlatformHome(dir);
    new ReplicaLease("42-a", "127.0.0.1", 6000, 0).renew(home);
    new ReplicaLease("42-a", "127.0.0.1", 6000, 3).renew(home);
    new ReplicaLease("43-b", "127.0.0.1", 6001, 2).renew(home);

    assertThat(ReplicaLease.live(home, TIMEOUT_MILLIS))
        .containsExactlyInAnyOrder(new ReplicaLease("42-a", "127.0.0.1", 6000, 3), new ReplicaLease("43-b", "127.0.0.1", 6001, 2));
  }

  @Test
  void leaseNotRenewedWithinTheTimeoutIsForgottenAndDeleted() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    new ReplicaLease("42-a", "127.0.0.1", 6000, 1).renew(home);
    Path file = home.replicasDir().resolve("42-a.json");
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - TIMEOUT_MILLIS - 1_000));

    assertThat(ReplicaLease.live(home, TIMEOUT_MILLIS)).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void releasedLeaseIsGoneAndUnreadableFilesAreSkipped() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    ReplicaLease lease = new ReplicaLease("42-a", "127.0.0.1", 6000, 1);
    lease.renew(home);
    Files.writeString(home.replicasDir().resolve("garbage.json"), "not json");

    lease.release(home);
    lease.release(home);

    assertThat(ReplicaLease.live(home, TIMEOUT_MILLIS)).isEmpty();
    assertThat(ReplicaLease.live(new PlatformHome(dir.resolve("no-home")), TIMEOUT_MILLIS)).isEmpty();
  }

  @Test
  void idMustBeUsableAsAFileName() {
    assertThatThrownBy(() -> new ReplicaLease("../escape", "127.0.0.1", 6000, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
