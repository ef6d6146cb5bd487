package io.analytics.catalog.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentFsyncTest {
  @TempDir Path dir;

  @Test
  void forcesEveryFileAndDirectoryOfABatch() throws Exception {
    List<Path> files = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Path partition = Files.createDirectories(dir.resolve("day=" + i));
      directories.add(partition);
      files.add(Files.writeString(partition.resolve("part.parquet"), "rows " + i));
    }

    ConcurrentFsync.files(files);
    ConcurrentFsync.directories(directories);

    assertThat(Files.readString(files.get(39))).isEqualTo("rows 39");
  }

  @Test
  void waitsForAllAndReportsTheFileThatCouldNotBeForced() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      files.add(Files.writeString(dir.resolve(i + ".parquet"), "x"));
    }
    Path missing = dir.resolve("vanished.parquet");
    files.add(5, missing);

    assertThatThrownBy(() -> ConcurrentFsync.files(files))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("cannot fsync " + missing);
  }
}
