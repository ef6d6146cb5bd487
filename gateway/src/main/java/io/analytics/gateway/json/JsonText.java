package io.analytics.gateway.json;

import io.analytics.gateway.json.JsonValue.JsonArray;
import io.analytics.gateway.json.JsonValue.JsonBool;
import io.analytics.gateway.json.JsonValue.JsonNumber;
import io.analytics.gateway.json.JsonValue.JsonObject;
import io.analytics.gateway.json.JsonValue.JsonString;
import io.analytics.gateway.json.JsonValue.Member;

/**
 * Writes values as PostgreSQL 15 prints them: jsonb as {@code {"a": 1, "b": [1, 2]}} (one space
 * after each colon and comma, numbers as numeric prints them), jsonb_pretty's four-space layout, and
 * json as the text the client wrote.
 */
public final class JsonText {
  private JsonText() {}

  /** The value as jsonb_out prints it. */
  public static String jsonb(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, -1);
    return out.toString();
  }

  /** The value as json: its source text if it has one, else as jsonb prints it. */
  public static String json(JsonValue value) {
    return value.raw() != null ? value.raw() : jsonb(value);
  }

  /** The value in {@code binary} (jsonb) or json form. */
  public static String of(JsonValue value, boolean binary) {
    return binary ? jsonb(value) : json(value);
  }

  /** jsonb_pretty's layout: each element on its own line, indented by four spaces per level. */
  public static String pretty(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  /** A string as a json string literal, escaped as PostgreSQL's escape_json does. */
  public static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < ' ') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** {@code level} is the pretty-printing depth, or -1 for the one-line form. */
  private static void write(JsonValue value, StringBuilder out, int level) {
    if (value instanceof JsonObject object) {
      writeObject(object, out, level);
    } else if (value instanceof JsonArray array) {
      writeArray(array, out, level);
    } else if (value instanceof JsonString string) {
      quote(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      out.append(number.value().toPlainString());
    } else if (value instanceof JsonBool bool) {
      out.append(bool.value());
    } else {
      out.append("null");
    }
  }

  private static void writeObject(JsonObject object, StringBuilder out, int level) {
    writeContainer('{', '}', object.members(), out, level, (member, inner) -> {
      quote(member.key(), out);
      out.append(": ");
      write(member.value(), out, inner);
    });
  }

  private static void writeArray(JsonArray array, StringBuilder out, int level) {
    writeContainer('[', ']', array.elements(), out, level, (element, inner) -> write(element, out, inner));
  }

  /** Writes one item of a container at the given level (-1: on one line). */
  private interface ItemWriter<T> {
    void write(T item, int level);
  }

  /** An object's or an array's items between its brackets: one per line when pretty, else ", " between them. */
  private static <T> void writeContainer(char open, char close, Iterable<T> items, StringBuilder out, int level, ItemWriter<T> item) {
    out.append(open);
    boolean first = true;
    for (T each : items) {
      if (!first) {
        out.append(',');
        if (level < 0) {
          out.append(' ');
        }
      }
      first = false;
      newline(out, level + 1, level);
      item.write(each, level < 0 ? -1 : level + 1);
    }
    newline(out, level, level);
    out.append(close);
  }

  private static void newline(StringBuilder out, int depth, int level) {
    if (level >= 0) {
      out.append('\n').append("    ".repeat(depth));
    }
  }
}
