package io.analytics.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.SqlState;
import org.junit.jupiter.api.Test;

/** Reading json text as PostgreSQL 15 does, and printing jsonb as it prints it (checked against psql on PostgreSQL 15). */
class PgJsonParserTest {
  @Test
  void jsonbSortsKeysShorterFirstKeepsTheLastDuplicateAndSpacesAsPostgres() {
    assertThat(jsonb("{\"bb\":1, \"a\":{\"c\":[1,2], \"b\":true}, \"bb\":2}")).isEqualTo("{\"a\": {\"b\": true, \"c\": [1, 2]}, \"bb\": 2}");
    assertThat(jsonb(" [ ] ")).isEqualTo("[]");
    assertThat(jsonb("\"\\u00e9\\n\\u0001\"")).isEqualTo("\"é\\n\\u0001\"");
  }

  @Test
  void jsonbNumbersPrintAsNumericPrintsThem() {
    assertThat(jsonb("1.3e100")).isEqualTo("13" + "0".repeat(99));
    assertThat(jsonb("[1e-5, 1.50, -0, 1E+2]")).isEqualTo("[0.00001, 1.50, 0, 100]");
  }

  @Test
  void jsonKeepsTheTextAsWritten() {
    JsonValue value = PgJsonParser.parseJson("{\"a\": [1,  2], \"a\": 3}");
    assertThat(JsonText.json(value)).isEqualTo("{\"a\": [1,  2], \"a\": 3}");
    assertThat(JsonText.json(JsonAccess.field(value, "a"))).isEqualTo("3");
  }

  @Test
  void invalidTextIsRefusedWithPostgresSqlStates() {
    for (String bad : new String[] {"01", "1.3ex100", "[1,[2]", "{1:\"abc\"}", "{\"abc\":1,3}", "true false", "trues", "\"\\v\"", "", "\"abc"}) {
      assertThatThrownBy(() -> PgJsonParser.parseJsonb(bad)).as(bad)
          .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
    }
    assertThatThrownBy(() -> PgJsonParser.parseJsonb("\"\\u0000\""))
        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.state()).isEqualTo(SqlState.UNTRANSLATABLE_CHARACTER));
  }

  @Test
  void prettyPrintsFourSpacesPerLevel() {
    assertThat(JsonText.pretty(PgJsonParser.parseJsonb("{\"a\":[1,{}],\"b\":{}}")))
        .isEqualTo("{\n    \"a\": [\n        1,\n        {\n        }\n    ],\n    \"b\": {\n    }\n}");
  }

  private static String jsonb(String text) {
    return JsonText.jsonb(PgJsonParser.parseJsonb(text));
  }
}
