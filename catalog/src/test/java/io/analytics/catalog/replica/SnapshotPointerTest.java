package io.analytics.catalog.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotPointerTest {
  @TempDir Path dir;

  @Test
  void publishedPointerIsTheCurrentOneAndNamesItsFile() {
    PlatformHome home = new PlatformHome(dir);
    SnapshotPointer pointer = new SnapshotPointer(7, SnapshotPointer.fileName(7), new WarehouseFileState(10, 20, -1, -1));

    pointer.publish(home);

    assertThat(SnapshotPointer.current(home)).contains(pointer);
    assertThat(pointer.path(home)).isEqualTo(home.snapshotsDir().resolve("snapshot-000000000007.duckdb"));
  }

  @Test
  void fileNamesSortInPublishingOrder() {
    assertThat(SnapshotPointer.fileName(9)).isLessThan(SnapshotPointer.fileName(10));
  }

  @Test
  void noPointerOrAGarbledOneMeansNoSnapshot() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    assertThat(SnapshotPointer.current(home)).isEmpty();
    Files.createDirectories(home.snapshotsDir());
    Files.writeString(home.snapshotsDir().resolve("current.json"), "{\"sequence\": ");
    assertThat(SnapshotPointer.current(home)).isEmpty();
  }
}
