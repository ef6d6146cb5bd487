package io.analytics.catalog.schema;

import java.util.regex.Pattern;

/** The names schemas accept for columns, checks and schemas: plain SQL identifiers. */
final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Identifiers() {}

  static void check(String key, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new SchemaException(
          "schema key \""
              + key
              + "\" must be a plain identifier (letters, digits, _), got "
              + (name == null ? "nothing" : "\"" + name + "\""));
    }
  }
}
