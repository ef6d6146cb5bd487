package io.analytics.catalog.error;

/**
 * The database object an error is about, as PostgreSQL's ErrorResponse names it in its fields
 * {@code s} (schema), {@code t} (table), {@code c} (column), {@code d} (data type) and {@code n}
 * (constraint): clients read them (psycopg2's {@code e.diag.constraint_name}, pgjdbc's
 * {@code ServerErrorMessage}) instead of parsing the message. Each is null when it does not apply.
 */
public record ErrorSubject(String schema, String table, String column, String dataType, String constraint) {}
