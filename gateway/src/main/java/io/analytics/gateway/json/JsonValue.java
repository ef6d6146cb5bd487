package io.analytics.gateway.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed json or jsonb value. {@code raw} is the value's source text as the client wrote it
 * (what PostgreSQL's json type returns from its operators), or null for a value built or normalized
 * by an operation (then only its jsonb text exists).
 */
public sealed interface JsonValue {
  String raw();

  /** An object's members in source order; a jsonb object's are sorted as PostgreSQL sorts them, keys unique. */
  record JsonObject(List<Member> members, String raw) implements JsonValue {
    public JsonObject {
      members = List.copyOf(members);
    }

    /** The value of the last member named {@code key} (PostgreSQL's json takes the last), or null. */
    public JsonValue get(String key) {
      JsonValue found = null;
      for (Member member : members) {
        if (member.key().equals(key)) {
          found = member.value();
        }
      }
      return found;
    }
  }

  record Member(String key, JsonValue value) {
    public Member {
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
    }
  }

  record JsonArray(List<JsonValue> elements, String raw) implements JsonValue {
    public JsonArray {
      elements = List.copyOf(elements);
    }
  }

  record JsonString(String value, String raw) implements JsonValue {
    public JsonString {
      requireNonNull(value, "value is null");
    }
  }

  record JsonNumber(BigDecimal value, String raw) implements JsonValue {
    public JsonNumber {
      requireNonNull(value, "value is null");
    }
  }

  record JsonBool(boolean value, String raw) implements JsonValue {}

  record JsonNull(String raw) implements JsonValue {}

  /** Whether this is a scalar (not an object or array). */
  default boolean isScalar() {
    return !(this instanceof JsonObject) && !(this instanceof JsonArray);
  }
}
