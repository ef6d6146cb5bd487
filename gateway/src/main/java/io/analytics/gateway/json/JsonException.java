package io.analytics.gateway.json;

import io.analytics.catalog.error.SqlState;

/**
 * An error of a json or jsonb operation with PostgreSQL's SQLSTATE. Raised inside DuckDB (the
 * operations run as DuckDB functions), it reaches the client through DuckDB's message, which keeps
 * the {@code [SQLSTATE]} prefix this class puts on its message (see DuckDbErrors).
 */
public final class JsonException extends RuntimeException {
  private final SqlState state;
  private final String text;

  public JsonException(SqlState state, String text) {
    super("[" + state.code() + "] " + text);
    this.state = state;
    this.text = text;
  }

  static JsonException invalidJson(String detail) {
    return new JsonException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json: " + detail);
  }

  static JsonException invalidParameter(String text) {
    return new JsonException(SqlState.INVALID_PARAMETER_VALUE, text);
  }

  public SqlState state() {
    return state;
  }

  public String text() {
    return text;
  }
}
