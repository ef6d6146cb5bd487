package io.analytics.gateway.json;

import static org.duckdb.DuckDBColumnType.BOOLEAN;
import static org.duckdb.DuckDBColumnType.INTEGER;
import static org.duckdb.DuckDBColumnType.VARCHAR;

import io.analytics.gateway.json.JsonValue.JsonArray;
import io.analytics.gateway.json.JsonValue.JsonNumber;
import io.analytics.gateway.json.JsonValue.JsonString;
import io.analytics.gateway.json.JsonValue.Member;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBConnection;

/**
 * The json and jsonb operations as Java functions in DuckDB, each over json text: the {@link
 * JsonMacros} call them with the document as VARCHAR and a flag saying whether it is jsonb (then
 * parts come back in jsonb's normalized form) or json (parts come back as the client wrote them).
 * Registered once per DuckDB database; every session's connection sees them.
 */
public final class JsonFunctions {
  /** The name whose presence in duckdb_functions() says the functions are registered. */
  public static final String MARKER = "pg_jsonb_in";

  private JsonFunctions() {}

  /**
   * Registers every function, the {@link #MARKER} last: a session that sees the marker may rely on
   * all the others being there already.
   */
  public static void register(DuckDBConnection connection) throws SQLException {
    List<DuckDbScalarFunction> marker = new ArrayList<>();
    for (DuckDbScalarFunction function : all()) {
      if (function.name().equals(MARKER)) {
        marker.add(function);
      } else {
        function.register(connection);
      }
    }
    for (DuckDbScalarFunction function : marker) {
      function.register(connection);
    }
  }

  static List<DuckDbScalarFunction> all() {
    return List.of(
        fn(MARKER, VARCHAR, List.of(VARCHAR), a -> JsonText.jsonb(PgJsonParser.parseJsonb(text(a[0])))),
        fn("pg_json_in", VARCHAR, List.of(VARCHAR), a -> {
          PgJsonParser.parseJson(text(a[0]));
          return a[0];
        }),
        // (document, key or index as text, binary, by index, as text)
        fn("pg_json_get", VARCHAR, List.of(VARCHAR, VARCHAR, BOOLEAN, BOOLEAN, BOOLEAN), a -> {
          boolean binary = (Boolean) a[2];
          JsonValue document = parse(a[0], binary);
          JsonValue part = (Boolean) a[3] ? JsonAccess.element(document, Long.parseLong(text(a[1]))) : JsonAccess.field(document, text(a[1]));
          return result(part, binary, (Boolean) a[4]);
        }),
        // (document, path, binary, as text)
        fn("pg_json_path", VARCHAR, List.of(VARCHAR, VARCHAR, BOOLEAN, BOOLEAN), a -> {
          boolean binary = (Boolean) a[2];
          JsonValue part = JsonAccess.path(parse(a[0], binary), PgTextArrays.parse(text(a[1])));
          return result(part, binary, (Boolean) a[3]);
        }),
        fn("pg_jsonb_contains", BOOLEAN, List.of(VARCHAR, VARCHAR),
            a -> JsonbContainment.contains(jsonb(a[0]), jsonb(a[1]))),
        fn("pg_jsonb_exists", BOOLEAN, List.of(VARCHAR, VARCHAR), a -> JsonbContainment.exists(jsonb(a[0]), text(a[1]))),
        fn("pg_jsonb_exists_any", BOOLEAN, List.of(VARCHAR, VARCHAR, BOOLEAN),
            a -> JsonbContainment.existsAny(jsonb(a[0]), PgTextArrays.parse(text(a[1])), (Boolean) a[2])),
        fn("pg_jsonb_concat", VARCHAR, List.of(VARCHAR, VARCHAR), a -> JsonText.jsonb(JsonbEdits.concat(jsonb(a[0]), jsonb(a[1])))),
        // (document, what to delete as json: a string key, a number index or an array of keys)
        fn("pg_jsonb_delete", VARCHAR, List.of(VARCHAR, VARCHAR), a -> JsonText.jsonb(delete(jsonb(a[0]), PgJsonParser.parseJson(text(a[1]))))),
        fn("pg_jsonb_delete_path", VARCHAR, List.of(VARCHAR, VARCHAR),
            a -> JsonText.jsonb(JsonbEdits.deletePath(jsonb(a[0]), PgTextArrays.parse(text(a[1]))))),
        fn("pg_jsonb_set", VARCHAR, List.of(VARCHAR, VARCHAR, VARCHAR, BOOLEAN),
            a -> JsonText.jsonb(JsonbEdits.set(jsonb(a[0]), PgTextArrays.parse(text(a[1])), jsonb(a[2]), (Boolean) a[3]))),
        fn("pg_jsonb_insert", VARCHAR, List.of(VARCHAR, VARCHAR, VARCHAR, BOOLEAN),
            a -> JsonText.jsonb(JsonbEdits.insert(jsonb(a[0]), PgTextArrays.parse(text(a[1])), jsonb(a[2]), (Boolean) a[3]))),
        fn("pg_jsonb_strip_nulls", VARCHAR, List.of(VARCHAR), a -> JsonText.jsonb(JsonbEdits.stripNulls(jsonb(a[0])))),
        fn("pg_jsonb_pretty", VARCHAR, List.of(VARCHAR), a -> JsonText.pretty(jsonb(a[0]))),
        fn("pg_json_object", VARCHAR, List.of(VARCHAR), a -> JsonObjectFromArrays.of(text(a[0]))),
        fn("pg_json_object_pairs", VARCHAR, List.of(VARCHAR, VARCHAR), a -> JsonObjectFromArrays.of(text(a[0]), text(a[1]))),
        fn("pg_json_quote_nonfinite", VARCHAR, List.of(VARCHAR), a -> NonFiniteJsonNumbers.quoted(text(a[0]))),
        fn("pg_json_typeof", VARCHAR, List.of(VARCHAR), a -> JsonAccess.typeOf(PgJsonParser.parseJson(text(a[0])))),
        fn("pg_json_array_length", INTEGER, List.of(VARCHAR, BOOLEAN),
            a -> JsonAccess.arrayLength(parse(a[0], (Boolean) a[1]), (Boolean) a[1])),
        // The keys as a JSON array of strings, for the macros to unnest.
        fn("pg_json_object_keys", VARCHAR, List.of(VARCHAR, BOOLEAN), a -> {
          boolean binary = (Boolean) a[1];
          List<JsonValue> keys = new ArrayList<>();
          for (String key : JsonAccess.objectKeys(parse(a[0], binary), binary ? "jsonb_object_keys" : "json_object_keys")) {
            keys.add(new JsonString(key, null));
          }
          return JsonText.jsonb(new JsonArray(keys, null));
        }),
        // Members as a JSON array of [key, value text] pairs (value text null for a json null when as text).
        fn("pg_json_each", VARCHAR, List.of(VARCHAR, BOOLEAN, BOOLEAN), a -> {
          boolean binary = (Boolean) a[1];
          List<JsonValue> pairs = new ArrayList<>();
          for (Member member : JsonAccess.members(parse(a[0], binary), binary ? "jsonb_each" : "json_each")) {
            pairs.add(new JsonArray(List.of(new JsonString(member.key(), null), textValue(member.value(), binary, (Boolean) a[2])), null));
          }
          return JsonText.jsonb(new JsonArray(pairs, null));
        }),
        fn("pg_json_array_elements", VARCHAR, List.of(VARCHAR, BOOLEAN, BOOLEAN), a -> {
          boolean binary = (Boolean) a[1];
          List<JsonValue> texts = new ArrayList<>();
          for (JsonValue element : JsonAccess.elements(parse(a[0], binary))) {
            texts.add(textValue(element, binary, (Boolean) a[2]));
          }
          return JsonText.jsonb(new JsonArray(texts, null));
        }));
  }

  private static DuckDbScalarFunction fn(String name, org.duckdb.DuckDBColumnType result,
      List<org.duckdb.DuckDBColumnType> parameters, java.util.function.Function<Object[], Object> body) {
    return new DuckDbScalarFunction(name, parameters, result, body);
  }

  private static String text(Object value) {
    return (String) value;
  }

  private static JsonValue jsonb(Object value) {
    return PgJsonParser.parseJsonb(text(value));
  }

  private static JsonValue parse(Object value, boolean binary) {
    return binary ? PgJsonParser.parseJsonb(text(value)) : PgJsonParser.parseJson(text(value));
  }

  private static String result(JsonValue part, boolean binary, boolean asText) {
    if (part == null) {
      return null;
    }
    return asText ? JsonAccess.text(part, binary) : JsonText.of(part, binary);
  }

  /** A value's text as a JSON string (json null as SQL NULL when as text), for the macros to unpack. */
  private static JsonValue textValue(JsonValue value, boolean binary, boolean asText) {
    String text = asText ? JsonAccess.text(value, binary) : JsonText.of(value, binary);
    return text == null ? new JsonValue.JsonNull(null) : new JsonString(text, null);
  }

  private static JsonValue delete(JsonValue document, JsonValue what) {
    if (what instanceof JsonString key) {
      return JsonbEdits.deleteKey(document, key.value());
    }
    if (what instanceof JsonNumber index) {
      return JsonbEdits.deleteIndex(document, index.value().longValueExact());
    }
    if (what instanceof JsonArray keys) {
      List<String> names = new ArrayList<>();
      for (JsonValue key : keys.elements()) {
        names.add(key instanceof JsonString string ? string.value() : JsonText.jsonb(key).toLowerCase(Locale.ROOT));
      }
      return JsonbEdits.deleteKeys(document, names);
    }
    throw JsonException.invalidParameter("cannot delete " + JsonText.jsonb(what) + " from jsonb");
  }
}
