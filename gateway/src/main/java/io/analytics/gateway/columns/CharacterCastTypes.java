package io.analytics.gateway.columns;

import com.fasterxml.jackson.databind.JsonNode;
import io.analytics.gateway.dialect.PgCharacterMacros;
import io.analytics.gateway.types.DeclaredColumnType;
import io.analytics.gateway.types.PgTypes;

/**
 * The declared type of a select-list item that is a cast to {@code char(n)}, {@code varchar(n)} or {@code "char"}:
 * in the text DuckDB runs, a call of {@link PgCharacterMacros}' macros with a constant length (DuckDB's
 * own parse tree keeps no difference between char(n) and varchar(n)).
 */
final class CharacterCastTypes {
  private CharacterCastTypes() {}

  /** The type the item's cast names, or null when it is no such cast. */
  static DeclaredColumnType of(JsonNode item) {
    if (!item.path("class").asText("").equals("FUNCTION") || !item.path("schema").asText("").isEmpty()) {
      return null;
    }
    String function = item.path("function_name").asText("");
    // DuckDB 2.0 lists a call's arguments as {name, expression}; earlier versions as children.
    JsonNode arguments = item.has("arguments") ? item.path("arguments") : item.path("children");
    if (arguments.size() == 1 && function.equals(PgCharacterMacros.CHAR)) {
      return new DeclaredColumnType(PgTypes.CHAR, -1);
    }
    if (arguments.size() != 2) {
      return null;
    }
    JsonNode length = arguments.get(1).has("expression") ? arguments.get(1).path("expression") : arguments.get(1);
    if (!length.path("class").asText("").equals("CONSTANT")) {
      return null;
    }
    JsonNode literal = length.path("literal");
    String text = literal.path("text").asText(literal.path("value").asText(""));
    if (!text.matches("\\d{1,7}")) {
      return null;
    }
    int characters = Integer.parseInt(text);
    if (function.equals(PgCharacterMacros.BPCHAR)) {
      return DeclaredColumnType.bpchar(characters);
    }
    return function.equals(PgCharacterMacros.VARCHAR) ? DeclaredColumnType.varchar(characters) : null;
  }
}
