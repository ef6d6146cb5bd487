package io.analytics.catalog.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One declared column.
 *
 * @param name column name (a plain identifier)
 * @param type DuckDB type, e.g. {@code DECIMAL(18,4)} or {@code TIMESTAMPTZ}
 * @param required whether a row without a value is rejected
 * @param defaultExpression SQL over the other columns used when the value is missing (e.g. {@code
 *     CAST(ts AS DATE)}), or null
 * @param description what the column means, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSpec(String name, String type, boolean required, String defaultExpression, String description) {
  @JsonCreator
  public ColumnSpec(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("required") Boolean required,
      @JsonProperty("default") String defaultExpression,
      @JsonProperty("description") String description) {
    this(name, type, required != null && required, defaultExpression, description);
  }

  public ColumnSpec {
    Identifiers.check("columns[].name", name);
    type = ColumnType.normalize("columns[" + name + "].type", type);
  }

  /** A required column. */
  public static ColumnSpec required(String name, String type) {
    return new ColumnSpec(name, type, true, null, null);
  }

  /** An optional column. */
  public static ColumnSpec optional(String name, String type) {
    return new ColumnSpec(name, type, false, null, null);
  }

  /** This column, filled from {@code expression} when the source has no value. */
  public ColumnSpec withDefault(String expression) {
    return new ColumnSpec(name, type, required, expression, description);
  }

  @JsonProperty("default")
  @Override
  public String defaultExpression() {
    return defaultExpression;
  }
}
