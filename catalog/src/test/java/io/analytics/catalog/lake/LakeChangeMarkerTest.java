package io.analytics.catalog.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeChangeMarkerTest {
  @TempDir Path dir;

  @Test
  void versionStartsAtZeroAndEachTouchBumpsIt() {
    LakeChangeMarker marker = new LakeChangeMarker(new PlatformHome(dir));
    assertThat(marker.version()).isZero();
    assertThat(marker.touch()).isEqualTo(1);
    assertThat(marker.touch()).isEqualTo(2);
    assertThat(new LakeChangeMarker(new PlatformHome(dir)).version()).isEqualTo(2);
  }
}
