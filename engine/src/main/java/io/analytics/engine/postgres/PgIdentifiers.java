package io.analytics.engine.postgres;

/** Quoting of identifiers and literals in the SQL sent to PostgreSQL (and to DuckDB, same rules). */
public final class PgIdentifiers {
  private PgIdentifiers() {}

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
