package io.analytics.gateway.json;

import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code json_object(text[])} and {@code json_object(keys text[], values text[])}: an object built from
 * a flat array of alternating keys and values, a two-column two-dimensional array, or two parallel arrays, written
 * as PostgreSQL writes it ({@code {"a" : "1", "b" : null}}), with its errors (2202E for arrays of the wrong shape,
 * 22004 for a NULL key). DuckDB's own json_object takes its pairs as separate arguments, so {@code json_object('{}',
 * '{}')} answered {@code {"{}":"{}"}}. An argument arrives as text: PostgreSQL's array literal, or a JSON array (a
 * DuckDB list passed through to_json).
 */
final class JsonObjectFromArrays {
  /** An array argument read into its rows: one row for a one-dimensional array, none for an empty one. */
  private record Shape(int dimensions, List<List<String>> rows) {
    List<String> flat() {
      return rows.isEmpty() ? List.of() : rows.get(0);
    }
  }

  private JsonObjectFromArrays() {}

  /** {@code json_object(text[])}. */
  static String of(String array) {
    Shape shape = read(array);
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    switch (shape.dimensions()) {
      case 0 -> { }
      case 1 -> {
        List<String> flat = shape.flat();
        if (flat.size() % 2 != 0) {
          throw subscriptError("array must have even number of elements");
        }
        for (int i = 0; i < flat.size(); i += 2) {
          keys.add(flat.get(i));
          values.add(flat.get(i + 1));
        }
      }
      case 2 -> {
        for (List<String> row : shape.rows()) {
          if (row.size() != 2) {
            throw subscriptError("array must have two columns");
          }
          keys.add(row.get(0));
          values.add(row.get(1));
        }
      }
      default -> throw subscriptError("wrong number of array subscripts");
    }
    return object(keys, values);
  }

  /** {@code json_object(keys text[], values text[])}. */
  static String of(String keyArray, String valueArray) {
    Shape keys = read(keyArray);
    Shape values = read(valueArray);
    if (keys.dimensions() > 1 || keys.dimensions() != values.dimensions()) {
      throw subscriptError("wrong number of array subscripts");
    }
    if (keys.flat().size() != values.flat().size()) {
      throw subscriptError("mismatched array dimensions");
    }
    return object(keys.flat(), values.flat());
  }

  private static String object(List<String> keys, List<String> values) {
    if (keys.isEmpty()) {
      return "{}";
    }
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i) == null) {
        throw new JsonException(SqlState.NULL_VALUE_NOT_ALLOWED, "null value not allowed for object key");
      }
      json.append(i == 0 ? "" : ", ").append(JsonText.jsonb(new JsonValue.JsonString(keys.get(i), null))).append(" : ")
          .append(values.get(i) == null ? "null" : JsonText.jsonb(new JsonValue.JsonString(values.get(i), null)));
    }
    return json.append('}').toString();
  }

  private static Shape read(String argument) {
    String text = argument.strip();
    if (text.startsWith("[")) {
      return fromJson(PgJsonParser.parseJson(text));
    }
    if (text.startsWith("\"")) {
      text = ((JsonValue.JsonString) PgJsonParser.parseJson(text)).value().strip();
    }
    if (!text.startsWith("{")) {
      return new Shape(1, List.of(PgTextArrays.fromLiteral(text))); // fromLiteral raises the 22P02
    }
    String body = text.substring(1, text.length() - 1).strip();
    if (body.isEmpty()) {
      return new Shape(0, List.of());
    }
    if (!body.startsWith("{")) {
      return new Shape(1, List.of(PgTextArrays.fromLiteral(text)));
    }
    List<String> subArrays = subArrays(body);
    List<List<String>> rows = new ArrayList<>();
    int dimensions = 2;
    for (String subArray : subArrays) {
      if (subArray.substring(1).stripLeading().startsWith("{")) {
        dimensions = 3;
      } else {
        rows.add(PgTextArrays.fromLiteral(subArray));
      }
    }
    return new Shape(dimensions, rows);
  }

  /** The {@code {...}} items of a level holding sub-arrays, quotes respected. */
  private static List<String> subArrays(String body) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = -1;
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '{') {
        if (depth++ == 0) {
          start = i;
        }
      } else if (c == '}' && --depth == 0) {
        items.add(body.substring(start, i + 1));
      }
    }
    return items;
  }

  private static Shape fromJson(JsonValue value) {
    List<JsonValue> elements = ((JsonValue.JsonArray) value).elements();
    if (elements.isEmpty()) {
      return new Shape(0, List.of());
    }
    if (!(elements.get(0) instanceof JsonValue.JsonArray)) {
      return new Shape(1, List.of(texts(elements)));
    }
    List<List<String>> rows = new ArrayList<>();
    int dimensions = 2;
    for (JsonValue element : elements) {
      List<JsonValue> row = ((JsonValue.JsonArray) element).elements();
      if (!row.isEmpty() && row.get(0) instanceof JsonValue.JsonArray) {
        dimensions = 3;
      }
      rows.add(texts(row));
    }
    return new Shape(dimensions, rows);
  }

  private static List<String> texts(List<JsonValue> elements) {
    List<String> texts = new ArrayList<>();
    for (JsonValue element : elements) {
      texts.add(element instanceof JsonValue.JsonNull ? null
          : element instanceof JsonValue.JsonString string ? string.value() : JsonText.jsonb(element));
    }
    return texts;
  }

  private static JsonException subscriptError(String text) {
    return new JsonException(SqlState.ARRAY_SUBSCRIPT_ERROR, text);
  }
}
