package io.analytics.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** jsonb's operators on values, with PostgreSQL 15's answers for the regression tests' examples. */
class JsonbOperationsTest {
  @Test
  void containmentTreatsATopLevelScalarAsAnArrayOfOne() {
    assertThat(JsonbContainment.contains(v("{\"a\":\"b\", \"b\":1, \"c\":null}"), v("{\"a\":\"b\"}"))).isTrue();
    assertThat(JsonbContainment.contains(v("{\"a\":\"b\", \"b\":1, \"c\":null}"), v("{\"g\":null}"))).isFalse();
    assertThat(JsonbContainment.contains(v("[[1,2]]"), v("[[1,2,2]]"))).isTrue();
    assertThat(JsonbContainment.contains(v("[5]"), v("5"))).isTrue();
    assertThat(JsonbContainment.contains(v("5"), v("[5]"))).isFalse();
    assertThat(JsonbContainment.contains(v("{\"a\":1.0}"), v("{\"a\":1}"))).isTrue();
  }

  @Test
  void existenceLooksAtKeysStringElementsAndStringScalars() {
    assertThat(JsonbContainment.exists(v("{\"a\":null}"), "a")).isTrue();
    assertThat(JsonbContainment.exists(v("[\"a\", 1]"), "a")).isTrue();
    assertThat(JsonbContainment.exists(v("\"foo\""), "foo")).isTrue();
    assertThat(JsonbContainment.existsAny(v("{\"a\":1}"), List.of("b", "a"), false)).isTrue();
    assertThat(JsonbContainment.existsAny(v("{\"a\":1}"), List.of(), true)).isTrue();
  }

  @Test
  void concatenationMergesObjectsAndOtherwiseBuildsArrays() {
    assertThat(text(JsonbEdits.concat(v("{\"aa\":1,\"b\":2}"), v("{\"b\":3}")))).isEqualTo("{\"b\": 3, \"aa\": 1}");
    assertThat(text(JsonbEdits.concat(v("3"), v("4")))).isEqualTo("[3, 4]");
    assertThat(text(JsonbEdits.concat(v("{\"c\": 1}"), v("[\"a\"]")))).isEqualTo("[{\"c\": 1}, \"a\"]");
  }

  @Test
  void deletionAndPathsFollowPostgres() {
    assertThat(text(JsonbEdits.deleteKey(v("{\"a\":1,\"b\":2}"), "a"))).isEqualTo("{\"b\": 2}");
    assertThat(text(JsonbEdits.deleteIndex(v("[\"a\",\"b\",\"c\"]"), -2))).isEqualTo("[\"a\", \"c\"]");
    assertThat(text(JsonbEdits.deletePath(v("{\"a\":[1,{\"b\":2}]}"), List.of("a", "1", "b")))).isEqualTo("{\"a\": [1, {}]}");
    assertThatThrownBy(() -> JsonbEdits.deleteKey(v("\"a\""), "a")).isInstanceOf(JsonException.class).hasMessageContaining("22023");
    assertThat(text(JsonbEdits.set(v("[1,2]"), List.of("-5"), v("0"), true))).isEqualTo("[0, 1, 2]");
    assertThat(text(JsonbEdits.insert(v("{\"a\":[1,2]}"), List.of("a", "1"), v("\"x\""), true))).isEqualTo("{\"a\": [1, 2, \"x\"]}");
    assertThat(JsonAccess.path(v("{\"a\":[{\"b\":\"c\"}]}"), List.of("a", "0", "b"))).isEqualTo(v("\"c\""));
    assertThat(JsonAccess.element(v("[1,2,3]"), -1)).isEqualTo(v("3"));
  }

  @Test
  void textArgumentsReadPostgresArrayLiteralsAndJsonArrays() {
    assertThat(PgTextArrays.parse("\"{a, \\\"b c\\\",NULL}\"")).containsExactly("a", "b c", null);
    assertThat(PgTextArrays.parse("[\"a\",1,null]")).containsExactly("a", "1", null);
  }

  private static JsonValue v(String text) {
    return PgJsonParser.parseJsonb(text);
  }

  private static String text(JsonValue value) {
    return JsonText.jsonb(value);
  }
}
