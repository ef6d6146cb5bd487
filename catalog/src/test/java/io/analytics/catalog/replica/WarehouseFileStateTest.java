package io.analytics.catalog.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseFileStateTest {
  @TempDir Path dir;

  @Test
  void missingFilesCountAsMinusOne() {
    assertThat(WarehouseFileState.of(new PlatformHome(dir))).isEqualTo(new WarehouseFileState(-1, -1, -1, -1));
  }

  @Test
  void changesWhenTheWriteAheadLogGrowsAndOnlyThen() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    home.ensureLayout();
    Files.writeString(home.warehouseFile(), "database");
    Path wal = home.warehouseFile().resolveSibling("warehouse.duckdb.wal");
    Files.writeString(wal, "commit 1");
    WarehouseFileState before = WarehouseFileState.of(home);

    assertThat(WarehouseFileState.of(home)).isEqualTo(before);
    Files.writeString(wal, ", commit 2", StandardOpenOption.APPEND);
    assertThat(WarehouseFileState.of(home)).isNotEqualTo(before);
  }
}
