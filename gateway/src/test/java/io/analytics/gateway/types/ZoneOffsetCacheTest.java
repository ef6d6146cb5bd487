package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cached offset is the zone rules' own, in sorted runs, random jumps and at each transition's edges. */
class ZoneOffsetCacheTest {
  @ParameterizedTest
  @ValueSource(strings = {"America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/Amsterdam"})
  void agreesWithTheZoneRulesEverywhere(String zone) {
    ZoneRules rules = ZoneId.of(zone).getRules();
    ZoneOffsetCache cache = new ZoneOffsetCache(rules);
    SplittableRandom random = new SplittableRandom(zone.hashCode());
    long second = -3_000_000_000L;
    while (second < 5_000_000_000L) {
      assertSameOffset(rules, cache, second);
      second += random.nextLong(1, 400_000);
    }
    for (int i = 0; i < 20_000; i++) {
      assertSameOffset(rules, cache, random.nextLong(-60_000_000_000L, 60_000_000_000L));
    }
    ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(-3_000_000_000L));
    while (transition != null && transition.toEpochSecond() < 5_000_000_000L) {
      for (long delta = -2; delta <= 2; delta++) {
        assertSameOffset(rules, cache, transition.toEpochSecond() + delta);
      }
      transition = rules.nextTransition(transition.getInstant());
    }
  }

  private static void assertSameOffset(ZoneRules rules, ZoneOffsetCache cache, long second) {
    assertThat(cache.offsetAt(second)).as("offset at %s", second)
        .isEqualTo(rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds());
  }
}
