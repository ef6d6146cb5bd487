package io.analytics.gateway.json;

import io.analytics.gateway.json.JsonValue.JsonArray;
import io.analytics.gateway.json.JsonValue.JsonNull;
import io.analytics.gateway.json.JsonValue.JsonObject;
import io.analytics.gateway.json.JsonValue.JsonString;
import io.analytics.gateway.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * jsonb's changing operators and functions, returning new values: {@code ||}, {@code -},
 * {@code #-}, jsonb_set, jsonb_insert and jsonb_strip_nulls, with PostgreSQL's rules and errors.
 */
public final class JsonbEdits {
  private JsonbEdits() {}

  /** {@code a || b}: objects merge (b's members win); otherwise arrays concatenate, a scalar or object counting as one element. */
  public static JsonValue concat(JsonValue a, JsonValue b) {
    if (a instanceof JsonObject left && b instanceof JsonObject right) {
      List<Member> members = new ArrayList<>(left.members());
      members.addAll(right.members());
      return new JsonObject(JsonbOrder.normalized(members), null);
    }
    List<JsonValue> elements = new ArrayList<>(asElements(a));
    elements.addAll(asElements(b));
    return new JsonArray(elements, null);
  }

  private static List<JsonValue> asElements(JsonValue value) {
    return value instanceof JsonArray array ? array.elements() : List.of(value);
  }

  /** {@code value - key}: removes an object's member, or an array's string elements equal to key. */
  public static JsonValue deleteKey(JsonValue value, String key) {
    return deleteKeys(value, List.of(key));
  }

  /** {@code value - keys}. */
  public static JsonValue deleteKeys(JsonValue value, List<String> keys) {
    if (value.isScalar()) {
      throw JsonException.invalidParameter("cannot delete from scalar");
    }
    if (value instanceof JsonObject object) {
      List<Member> kept = new ArrayList<>();
      for (Member member : object.members()) {
        if (!keys.contains(member.key())) {
          kept.add(member);
        }
      }
      return new JsonObject(kept, null);
    }
    List<JsonValue> kept = new ArrayList<>();
    for (JsonValue element : ((JsonArray) value).elements()) {
      if (!(element instanceof JsonString string && keys.contains(string.value()))) {
        kept.add(element);
      }
    }
    return new JsonArray(kept, null);
  }

  /** {@code value - index}: removes an array's element (counted from the end when negative). */
  public static JsonValue deleteIndex(JsonValue value, long index) {
    if (value.isScalar()) {
      throw JsonException.invalidParameter("cannot delete from scalar");
    }
    if (value instanceof JsonObject) {
      throw JsonException.invalidParameter("cannot delete from object using integer index");
    }
    List<JsonValue> elements = new ArrayList<>(((JsonArray) value).elements());
    long at = index < 0 ? elements.size() + index : index;
    if (at >= 0 && at < elements.size()) {
      elements.remove((int) at);
    }
    return new JsonArray(elements, null);
  }

  /** {@code value #- path}. */
  public static JsonValue deletePath(JsonValue value, List<String> path) {
    if (value.isScalar()) {
      throw JsonException.invalidParameter("cannot delete path in scalar");
    }
    if (path.isEmpty()) {
      return value;
    }
    return edit(value, path, 0, null, Mode.DELETE);
  }

  /** jsonb_set(target, path, replacement, create_missing). */
  public static JsonValue set(JsonValue value, List<String> path, JsonValue replacement, boolean createMissing) {
    if (value.isScalar()) {
      throw JsonException.invalidParameter("cannot set path in scalar");
    }
    if (path.isEmpty()) {
      return value;
    }
    return edit(value, path, 0, replacement, createMissing ? Mode.SET_OR_CREATE : Mode.SET);
  }

  /** jsonb_insert(target, path, new_value, insert_after). */
  public static JsonValue insert(JsonValue value, List<String> path, JsonValue inserted, boolean after) {
    if (value.isScalar()) {
      throw JsonException.invalidParameter("cannot set path in scalar");
    }
    if (path.isEmpty()) {
      return value;
    }
    return edit(value, path, 0, inserted, after ? Mode.INSERT_AFTER : Mode.INSERT_BEFORE);
  }

  private enum Mode { DELETE, SET, SET_OR_CREATE, INSERT_BEFORE, INSERT_AFTER }

  private static JsonValue edit(JsonValue value, List<String> path, int level, JsonValue replacement, Mode mode) {
    String step = path.get(level);
    if (step == null) {
      throw JsonException.invalidParameter("path element at position " + (level + 1) + " is null");
    }
    boolean last = level == path.size() - 1;
    if (value instanceof JsonObject object) {
      return editObject(object, path, level, step, last, replacement, mode);
    }
    if (value instanceof JsonArray array) {
      return editArray(array, path, level, step, last, replacement, mode);
    }
    return value;
  }

  private static JsonValue editObject(JsonObject object, List<String> path, int level, String step, boolean last,
      JsonValue replacement, Mode mode) {
    List<Member> members = new ArrayList<>();
    boolean found = false;
    for (Member member : object.members()) {
      if (!member.key().equals(step)) {
        members.add(member);
        continue;
      }
      found = true;
      if (!last) {
        members.add(new Member(step, edit(member.value(), path, level + 1, replacement, mode)));
      } else if (mode == Mode.INSERT_BEFORE || mode == Mode.INSERT_AFTER) {
        throw JsonException.invalidParameter("cannot replace existing key");
      } else if (mode != Mode.DELETE) {
        members.add(new Member(step, replacement));
      }
    }
    if (!found && last && (mode == Mode.SET_OR_CREATE || mode == Mode.INSERT_BEFORE || mode == Mode.INSERT_AFTER)) {
      members.add(new Member(step, replacement));
    }
    return new JsonObject(JsonbOrder.normalized(members), null);
  }

  private static JsonValue editArray(JsonArray array, List<String> path, int level, String step, boolean last,
      JsonValue replacement, Mode mode) {
    Long parsed = JsonAccess.parseIndex(step);
    if (parsed == null) {
      throw new JsonException(io.analytics.catalog.error.SqlState.INVALID_TEXT_REPRESENTATION,
          "path element at position " + (level + 1) + " is not an integer: \"" + step + "\"");
    }
    List<JsonValue> elements = new ArrayList<>(array.elements());
    int size = elements.size();
    long index = parsed < 0 ? size + parsed : parsed;
    if (index < 0 || index >= size) {
      if (last && (mode == Mode.SET_OR_CREATE || mode == Mode.INSERT_BEFORE || mode == Mode.INSERT_AFTER)) {
        if (index < 0) {
          elements.add(0, replacement);
        } else {
          elements.add(replacement);
        }
      }
      return new JsonArray(elements, null);
    }
    int at = (int) index;
    if (!last) {
      elements.set(at, edit(elements.get(at), path, level + 1, replacement, mode));
    } else {
      switch (mode) {
        case DELETE -> elements.remove(at);
        case SET, SET_OR_CREATE -> elements.set(at, replacement);
        case INSERT_BEFORE -> elements.add(at, replacement);
        case INSERT_AFTER -> elements.add(at + 1, replacement);
      }
    }
    return new JsonArray(elements, null);
  }

  /** jsonb_strip_nulls: object members whose value is null removed, at every depth (array elements stay). */
  public static JsonValue stripNulls(JsonValue value) {
    if (value instanceof JsonObject object) {
      List<Member> members = new ArrayList<>();
      for (Member member : object.members()) {
        if (!(member.value() instanceof JsonNull)) {
          members.add(new Member(member.key(), stripNulls(member.value())));
        }
      }
      return new JsonObject(members, null);
    }
    if (value instanceof JsonArray array) {
      List<JsonValue> elements = new ArrayList<>();
      for (JsonValue element : array.elements()) {
        elements.add(stripNulls(element));
      }
      return new JsonArray(elements, null);
    }
    return value;
  }
}
