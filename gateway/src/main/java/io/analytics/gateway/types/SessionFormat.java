package io.analytics.gateway.types;

import java.time.ZoneId;

/** Session settings that change how values print. */
public record SessionFormat(ZoneId timeZone, int extraFloatDigits) {
  public static SessionFormat defaults() {
    return new SessionFormat(ZoneId.of("UTC"), 1);
  }
}
