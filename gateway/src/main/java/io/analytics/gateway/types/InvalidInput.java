package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

/** The errors PostgreSQL raises for unreadable input values, with its wording. */
final class InvalidInput {
  private InvalidInput() {}

  static PlatformException syntax(String sqlTypeName, String text) {
    return new PlatformException(
        SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + sqlTypeName + ": \"" + text + "\"");
  }

  static PlatformException outOfRange(String sqlTypeName, String text) {
    return new PlatformException(
        SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type " + sqlTypeName);
  }
}
