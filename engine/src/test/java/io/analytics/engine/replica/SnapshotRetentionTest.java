package io.analytics.engine.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.replica.SnapshotPointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRetentionTest {
  private static final long RETENTION_MILLIS = 60_000;
  private static final long HOUR = 3600_000;

  @TempDir Path root;

  @Test
  void deletesOldSnapshotsThatAreNeitherCurrentNorServed() throws Exception {
    PlatformHome home = new PlatformHome(root);
    for (long sequence = 1; sequence <= 4; sequence++) {
      snapshot(home, SnapshotPointer.fileName(sequence), 2 * RETENTION_MILLIS);
    }
    Path young = snapshot(home, SnapshotPointer.fileName(5), 0);
    Path current = snapshot(home, SnapshotPointer.fileName(6), 2 * RETENTION_MILLIS);

    int deleted = new SnapshotRetention(home, RETENTION_MILLIS).prune(6, Set.of(2L, 3L));

    assertThat(deleted).isEqualTo(2);
    assertThat(home.snapshotsDir().resolve(SnapshotPointer.fileName(1))).doesNotExist();
    assertThat(home.snapshotsDir().resolve(SnapshotPointer.fileName(2))).as("served by a replica").exists();
    assertThat(home.snapshotsDir().resolve(SnapshotPointer.fileName(3))).as("served by a replica").exists();
    assertThat(home.snapshotsDir().resolve(SnapshotPointer.fileName(4))).doesNotExist();
    assertThat(young).exists();
    assertThat(current).exists();
  }

  @Test
  void copiesLeftByADeadPublisherGoOnlyAfterHoursAndOtherFilesStay() throws Exception {
    PlatformHome home = new PlatformHome(root);
    Path abandoned = snapshot(home, ".snapshot-3-abc.duckdb", 7 * HOUR);
    Path abandonedLog = snapshot(home, ".snapshot-3-abc.duckdb.wal", 7 * HOUR);
    Path inProgress = snapshot(home, ".snapshot-4-def.duckdb", 2 * HOUR);
    Path pointer = snapshot(home, "current.json", 7 * HOUR);

    new SnapshotRetention(home, RETENTION_MILLIS).prune(0, Set.of());

    assertThat(abandoned).doesNotExist();
    assertThat(abandonedLog).doesNotExist();
    assertThat(inProgress).exists();
    assertThat(pointer).exists();
    assertThat(new SnapshotRetention(new PlatformHome(root.resolve("none")), 0).prune(0, Set.of())).isZero();
  }

  private static Path snapshot(PlatformHome home, String name, long ageMillis) throws Exception {
    Files.createDirectories(home.snapshotsDir());
    Path file = Files.writeString(home.snapshotsDir().resolve(name), name);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
    return file;
  }
}
