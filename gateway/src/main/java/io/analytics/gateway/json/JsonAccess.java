package io.analytics.gateway.json;

import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.json.JsonValue.JsonArray;
import io.analytics.gateway.json.JsonValue.JsonBool;
import io.analytics.gateway.json.JsonValue.JsonNull;
import io.analytics.gateway.json.JsonValue.JsonNumber;
import io.analytics.gateway.json.JsonValue.JsonObject;
import io.analytics.gateway.json.JsonValue.JsonString;
import io.analytics.gateway.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading parts of a json or jsonb value as PostgreSQL's operators and functions do: {@code ->},
 * {@code ->>}, {@code #>}, {@code #>>}, json(b)_typeof, _array_length, _object_keys, _each and
 * _array_elements. A missing part is null (SQL NULL), never an error, as in PostgreSQL.
 */
public final class JsonAccess {
  private JsonAccess() {}

  /** {@code value -> key}: an object's member, else null. */
  public static JsonValue field(JsonValue value, String key) {
    return value instanceof JsonObject object ? object.get(key) : null;
  }

  /** {@code value -> index}: an array's element, counted from the end when negative, else null. */
  public static JsonValue element(JsonValue value, long index) {
    if (!(value instanceof JsonArray array)) {
      return null;
    }
    long size = array.elements().size();
    long at = index < 0 ? size + index : index;
    return at >= 0 && at < size ? array.elements().get((int) at) : null;
  }

  /** {@code value #> path}: each step a key of an object or an integer index of an array. */
  public static JsonValue path(JsonValue value, List<String> path) {
    JsonValue current = value;
    for (String step : path) {
      if (current == null || step == null) {
        return null;
      }
      if (current instanceof JsonObject object) {
        current = object.get(step);
      } else if (current instanceof JsonArray) {
        Long index = parseIndex(step);
        current = index == null ? null : element(current, index);
      } else {
        return null;
      }
    }
    return current;
  }

  /** An array index written as text, or null when it is not an integer. */
  static Long parseIndex(String step) {
    try {
      return Long.parseLong(step.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code ->>}: a string's value, null for json null, else the value's text. */
  public static String text(JsonValue value, boolean binary) {
    if (value == null || value instanceof JsonNull) {
      return null;
    }
    if (value instanceof JsonString string) {
      if (string.value().indexOf('\0') >= 0) {
        throw new JsonException(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence: \\u0000 cannot be converted to text.");
      }
      return string.value();
    }
    return JsonText.of(value, binary);
  }

  public static String typeOf(JsonValue value) {
    if (value instanceof JsonObject) {
      return "object";
    } else if (value instanceof JsonArray) {
      return "array";
    } else if (value instanceof JsonString) {
      return "string";
    } else if (value instanceof JsonNumber) {
      return "number";
    } else if (value instanceof JsonBool) {
      return "boolean";
    }
    return "null";
  }

  public static int arrayLength(JsonValue value, boolean binary) {
    if (value instanceof JsonArray array) {
      return array.elements().size();
    }
    if (binary) {
      throw JsonException.invalidParameter(value.isScalar() ? "cannot get array length of a scalar" : "cannot get array length of a non-array");
    }
    throw JsonException.invalidParameter(value instanceof JsonObject ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
  }

  /** The keys of an object, in order (json keeps duplicates, as json_object_keys does). */
  public static List<String> objectKeys(JsonValue value, String function) {
    if (!(value instanceof JsonObject object)) {
      throw JsonException.invalidParameter("cannot call " + function + " on " + (value instanceof JsonArray ? "an array" : "a scalar"));
    }
    List<String> keys = new ArrayList<>();
    for (Member member : object.members()) {
      keys.add(member.key());
    }
    return keys;
  }

  /** An object's members, for json(b)_each. */
  public static List<Member> members(JsonValue value, String function) {
    if (!(value instanceof JsonObject object)) {
      throw JsonException.invalidParameter("cannot call " + function + " on a non-object");
    }
    return object.members();
  }

  /** An array's elements, for json(b)_array_elements. */
  public static List<JsonValue> elements(JsonValue value) {
    if (value instanceof JsonArray array) {
      return array.elements();
    }
    throw JsonException.invalidParameter(value instanceof JsonObject
        ? "cannot extract elements from an object" : "cannot extract elements from a scalar");
  }
}
