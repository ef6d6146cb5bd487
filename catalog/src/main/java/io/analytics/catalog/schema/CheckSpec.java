package io.analytics.catalog.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rule every row must satisfy: a SQL boolean expression over the typed columns. As with a SQL
 * CHECK constraint, a row fails only when the expression is false, not when it is null.
 *
 * @param name short name reported with rejected rows, e.g. {@code quantity_positive}
 * @param expression e.g. {@code quantity > 0}
 */
public record CheckSpec(String name, String expression) {
  @JsonCreator
  public CheckSpec(@JsonProperty("name") String name, @JsonProperty("expression") String expression) {
    Identifiers.check("checks[].name", name);
    if (expression == null || expression.isBlank()) {
      throw new SchemaException("schema key \"checks[" + name + "].expression\" is missing");
    }
    this.name = name;
    this.expression = expression.trim();
  }
}
