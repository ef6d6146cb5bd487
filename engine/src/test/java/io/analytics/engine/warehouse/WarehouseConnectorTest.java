package io.analytics.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.replica.ReplicaLease;
import io.analytics.catalog.replica.SnapshotPointer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseConnectorTest {
  @TempDir Path root;

  @Test
  void aCommandThatChangedTheWarehouseItselfPublishesTheSnapshotRunningReplicasWaitFor() {
    PlatformHome home = new PlatformHome(root);
    home.ensureLayout();
    WarehouseConnector connector = new WarehouseConnector(home, PlatformConfig.defaults(), Map.of());
    try (WarehouseConnection connection = connector.open()) {
      connection.execute("CREATE TABLE before_any_replica (a INTEGER)");
    }
    assertThat(SnapshotPointer.current(home)).as("no replica runs: nothing to publish").isEmpty();

    new ReplicaLease("1-a", "127.0.0.1", 6000, 0).renew(home);
    try (WarehouseConnection connection = connector.open()) {
      assertThat(connection.viaGateway()).isFalse();
      connection.execute("CREATE TABLE for_replicas (a INTEGER)");
    }

    assertThat(SnapshotPointer.current(home)).hasValueSatisfying(pointer -> assertThat(pointer.path(home)).exists());
  }
}
