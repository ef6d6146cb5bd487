package io.analytics.engine.postgres;

/** Quoting of identifiers and literals in the SQL sent to PostgreSQL (and to DuckDB, same rules). */
final class PgIdentifiers {
  private PgIdentifiers() {}

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
