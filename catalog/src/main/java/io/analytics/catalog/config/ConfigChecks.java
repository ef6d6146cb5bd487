package io.analytics.catalog.config;

import java.util.Arrays;

/** Validation shared by the config records, so that every bad value names its key. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void checkRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ConfigException(
          "config key \"" + key + "\" must be between " + min + " and " + max + ", got " + value);
    }
  }

  static void checkOneOf(String key, String value, String... allowed) {
    if (!Arrays.asList(allowed).contains(value)) {
      throw new ConfigException(
          "config key \""
              + key
              + "\" must be one of "
              + String.join(", ", allowed)
              + ", got \""
              + value
              + "\"");
    }
  }
}
