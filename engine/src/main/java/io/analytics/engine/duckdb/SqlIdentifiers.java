package io.analytics.engine.duckdb;

/** Quoting of identifiers and string literals for SQL the platform generates itself. */
public final class SqlIdentifiers {
  private SqlIdentifiers() {}

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
