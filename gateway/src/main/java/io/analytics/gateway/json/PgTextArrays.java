package io.analytics.gateway.json;

import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a path or key list argument: PostgreSQL's text[] literal ({@code {a,"b c",NULL}}) as a
 * client writes it, or a JSON array (a DuckDB list passed through to_json). The macros hand either
 * over as text: a JSON string holding the literal, or the JSON array.
 */
final class PgTextArrays {
  private PgTextArrays() {}

  static List<String> parse(String argument) {
    String text = argument.strip();
    if (text.startsWith("[")) {
      return fromJsonArray(PgJsonParser.parseJson(text));
    }
    if (text.startsWith("\"")) {
      JsonValue value = PgJsonParser.parseJson(text);
      text = ((JsonValue.JsonString) value).value().strip();
    }
    return fromLiteral(text);
  }

  private static List<String> fromJsonArray(JsonValue value) {
    List<String> items = new ArrayList<>();
    for (JsonValue element : ((JsonValue.JsonArray) value).elements()) {
      if (element instanceof JsonValue.JsonNull) {
        items.add(null);
      } else if (element instanceof JsonValue.JsonString string) {
        items.add(string.value());
      } else {
        items.add(JsonText.jsonb(element));
      }
    }
    return items;
  }

  /** A one-dimensional text[] literal. */
  static List<String> fromLiteral(String text) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw malformed(text, "Array value must start with \"{\" or dimension information.");
    }
    List<String> items = new ArrayList<>();
    String body = text.substring(1, text.length() - 1);
    if (body.isBlank()) {
      return items;
    }
    int pos = 0;
    while (true) {
      while (pos < body.length() && Character.isWhitespace(body.charAt(pos))) {
        pos++;
      }
      StringBuilder item = new StringBuilder();
      boolean quoted = false;
      if (pos < body.length() && body.charAt(pos) == '"') {
        quoted = true;
        pos++;
        while (pos < body.length() && body.charAt(pos) != '"') {
          if (body.charAt(pos) == '\\' && pos + 1 < body.length()) {
            pos++;
          }
          item.append(body.charAt(pos++));
        }
        if (pos >= body.length()) {
          throw malformed(text, "Unexpected end of input.");
        }
        pos++;
        while (pos < body.length() && Character.isWhitespace(body.charAt(pos))) {
          pos++;
        }
      } else {
        while (pos < body.length() && body.charAt(pos) != ',') {
          char c = body.charAt(pos);
          if (c == '{' || c == '}' || c == '"') {
            throw malformed(text, "Unexpected \"" + c + "\" character.");
          }
          if (c == '\\' && pos + 1 < body.length()) {
            pos++;
          }
          item.append(body.charAt(pos++));
        }
      }
      String value = quoted ? item.toString() : item.toString().strip();
      items.add(!quoted && value.equalsIgnoreCase("NULL") ? null : value);
      if (pos >= body.length()) {
        return items;
      }
      if (body.charAt(pos) != ',') {
        throw malformed(text, "Unexpected array element.");
      }
      pos++;
    }
  }

  private static JsonException malformed(String text, String detail) {
    return new JsonException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\" " + detail);
  }
}
