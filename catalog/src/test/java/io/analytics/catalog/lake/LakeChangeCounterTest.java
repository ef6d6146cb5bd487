package io.analytics.catalog.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeChangeCounterTest {
  @TempDir Path dir;

  @Test
  void aMappedCounterSeesEveryTouchOfTheMarkerAtOnce() {
    PlatformHome home = new PlatformHome(dir);
    LakeChangeCounter counter = LakeChangeCounter.open(home);
    long before = counter.read();
    assertThat(before).isNotEqualTo(LakeChangeCounter.UNKNOWN);
    assertThat(counter.read()).isEqualTo(before);
    long version = new LakeChangeMarker(home).touch();
    assertThat(counter.read()).isNotEqualTo(before).isEqualTo(version);
    new LakeChangeMarker(home).touch();
    assertThat(counter.read()).isEqualTo(version + 1);
  }

  @Test
  void aCounterOpenedAfterCommitsReadsTheLatestAndTheFileIsAlwaysAWholeWord() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    new LakeChangeMarker(home).touch();
    new LakeChangeMarker(home).touch();
    assertThat(LakeChangeCounter.open(home).read()).isEqualTo(2);
    assertThat(Files.size(home.dataDir().resolve(".lake-version.seq"))).isEqualTo(Long.BYTES);
    try (var leftovers = Files.list(home.dataDir())) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
