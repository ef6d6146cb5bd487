package io.analytics.gateway.json;

import io.analytics.gateway.json.JsonValue.JsonArray;
import io.analytics.gateway.json.JsonValue.JsonBool;
import io.analytics.gateway.json.JsonValue.JsonNumber;
import io.analytics.gateway.json.JsonValue.JsonObject;
import io.analytics.gateway.json.JsonValue.JsonString;
import io.analytics.gateway.json.JsonValue.Member;
import java.util.List;

/** jsonb's {@code @>}, {@code <@}, {@code ?}, {@code ?|} and {@code ?&}, as PostgreSQL defines them. */
public final class JsonbContainment {
  private JsonbContainment() {}

  /**
   * {@code container @> contained}. A top-level scalar counts as an array of one, so an array
   * contains a scalar it has as an element, but a scalar contains no array.
   */
  public static boolean contains(JsonValue container, JsonValue contained) {
    if (container.isScalar() && contained instanceof JsonArray) {
      return false;
    }
    JsonValue left = container.isScalar() ? new JsonArray(List.of(container), null) : container;
    JsonValue right = contained.isScalar() ? new JsonArray(List.of(contained), null) : contained;
    return deepContains(left, right);
  }

  private static boolean deepContains(JsonValue container, JsonValue contained) {
    if (container instanceof JsonObject object && contained instanceof JsonObject wanted) {
      for (Member member : wanted.members()) {
        JsonValue have = object.get(member.key());
        if (have == null || !nestedContains(have, member.value())) {
          return false;
        }
      }
      return true;
    }
    if (container instanceof JsonArray array && contained instanceof JsonArray wanted) {
      for (JsonValue element : wanted.elements()) {
        boolean found = false;
        for (JsonValue candidate : array.elements()) {
          if (nestedContains(candidate, element)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Inside a value, a scalar must equal, and an object or array must be of the same kind and contain. */
  private static boolean nestedContains(JsonValue have, JsonValue wanted) {
    if (wanted.isScalar()) {
      return have.isScalar() && scalarEquals(have, wanted);
    }
    return deepContains(have, wanted);
  }

  static boolean scalarEquals(JsonValue a, JsonValue b) {
    if (a instanceof JsonString x && b instanceof JsonString y) {
      return x.value().equals(y.value());
    }
    if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
      return x.value().compareTo(y.value()) == 0;
    }
    if (a instanceof JsonBool x && b instanceof JsonBool y) {
      return x.value() == y.value();
    }
    return a.getClass() == b.getClass();
  }

  /** {@code value ? key}: an object's key, a string element of an array, or a string scalar. */
  public static boolean exists(JsonValue value, String key) {
    if (value instanceof JsonObject object) {
      return object.get(key) != null;
    }
    if (value instanceof JsonArray array) {
      for (JsonValue element : array.elements()) {
        if (element instanceof JsonString string && string.value().equals(key)) {
          return true;
        }
      }
      return false;
    }
    return value instanceof JsonString string && string.value().equals(key);
  }

  /** {@code ?|} (any) and {@code ?&} (all); null keys are ignored, as in PostgreSQL. */
  public static boolean existsAny(JsonValue value, List<String> keys, boolean all) {
    for (String key : keys) {
      if (key == null) {
        continue;
      }
      boolean exists = exists(value, key);
      if (all && !exists) {
        return false;
      }
      if (!all && exists) {
        return true;
      }
    }
    return all;
  }
}
