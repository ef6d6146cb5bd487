package io.analytics.gateway.types;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A time zone's UTC offset at an instant, remembering the span between the two transitions around
 * the last instant asked: the rows of a batch mostly fall in one span, so the zone's rules (an
 * Instant and a binary search per value) are consulted once per span instead of once per value.
 * One per column writer; not thread-safe.
 */
final class ZoneOffsetCache {
  private final ZoneRules rules;
  private long validFrom = Long.MAX_VALUE;
  private long validUntil = Long.MIN_VALUE;
  private int offsetSeconds;

  ZoneOffsetCache(ZoneRules rules) {
    this.rules = requireNonNull(rules, "rules is null");
  }

  /** The offset, in seconds east of UTC, at {@code epochSecond}. */
  int offsetAt(long epochSecond) {
    if (epochSecond >= validFrom && epochSecond < validUntil) {
      return offsetSeconds;
    }
    Instant instant = Instant.ofEpochSecond(epochSecond);
    offsetSeconds = rules.getOffset(instant).getTotalSeconds();
    // previousTransition is strictly before its argument: one second later includes a transition at epochSecond.
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    return offsetSeconds;
  }
}
