package io.analytics.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  @Test
  void writesWhatInstantToStringWrites() {
    InstantText text = new InstantText();
    Random random = new Random(16);
    int[] nanos = {0, 1, 999, 1_000, 120_000, 1_000_000, 5_000_000, 999_000_000, 123_456_789, 999_999_999, 100_000_000};
    long[] seconds = {0, 1, -1, 1_764_700_000L, 253_402_300_799L, -62_135_596_800L};
    for (long second : seconds) {
      for (int nano : nanos) {
        Instant instant = Instant.ofEpochSecond(second, nano);
        assertThat(text.of(instant)).isEqualTo(instant.toString());
      }
    }
    for (int i = 0; i < 20_000; i++) {
      // Often the same second with another fraction, as audit lines come.
      Instant instant = Instant.ofEpochSecond(1_764_700_000L + random.nextInt(3), random.nextInt(1_000_000_000));
      assertThat(text.of(instant)).isEqualTo(instant.toString());
    }
  }
}
