package io.analytics.gateway.json;

import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.json.JsonValue.JsonArray;
import io.analytics.gateway.json.JsonValue.JsonBool;
import io.analytics.gateway.json.JsonValue.JsonNull;
import io.analytics.gateway.json.JsonValue.JsonNumber;
import io.analytics.gateway.json.JsonValue.JsonObject;
import io.analytics.gateway.json.JsonValue.JsonString;
import io.analytics.gateway.json.JsonValue.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads json text as PostgreSQL 15's json parser does: the same grammar (RFC 8259 with only space,
 * tab, newline and carriage return as white space), the same refusals (22P02 for bad syntax, 22P05
 * for {@code \u0000} in jsonb), and for jsonb the same normalization: object keys unique (the last
 * one written wins) and sorted shorter first, then bytewise.
 */
public final class PgJsonParser {
  private final String text;
  private final boolean jsonb;
  private int pos;

  private PgJsonParser(String text, boolean jsonb) {
    this.text = text;
    this.jsonb = jsonb;
  }

  /** A json value: validated, its source text kept for the operators that return it. */
  public static JsonValue parseJson(String text) {
    return new PgJsonParser(text, false).parseDocument();
  }

  /** A jsonb value: validated and normalized. */
  public static JsonValue parseJsonb(String text) {
    return new PgJsonParser(text, true).parseDocument();
  }

  private JsonValue parseDocument() {
    skipSpace();
    JsonValue value = parseValue();
    skipSpace();
    if (pos < text.length()) {
      throw unexpectedToken();
    }
    return value;
  }

  private JsonValue parseValue() {
    if (pos >= text.length()) {
      throw JsonException.invalidJson("The input string ended unexpectedly.");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> parseObject();
      case '[' -> parseArray();
      case '"' -> {
        int start = pos;
        String value = parseString();
        yield new JsonString(value, jsonb ? null : text.substring(start, pos));
      }
      default -> parseScalarWord();
    };
  }

  private JsonValue parseObject() {
    int start = pos++;
    List<Member> members = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return object(members, start);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw pos >= text.length() ? JsonException.invalidJson("The input string ended unexpectedly.") : unexpectedToken();
      }
      String key = parseString();
      skipSpace();
      if (peek() != ':') {
        throw pos >= text.length() ? JsonException.invalidJson("The input string ended unexpectedly.") : unexpectedToken();
      }
      pos++;
      skipSpace();
      members.add(new Member(key, parseValue()));
      skipSpace();
      char next = peek();
      pos++;
      if (next == '}') {
        return object(members, start);
      }
      if (next != ',') {
        pos--;
        throw pos >= text.length() ? JsonException.invalidJson("The input string ended unexpectedly.") : unexpectedToken();
      }
    }
  }

  private JsonObject object(List<Member> members, int start) {
    if (!jsonb) {
      return new JsonObject(members, text.substring(start, pos));
    }
    return new JsonObject(JsonbOrder.normalized(members), null);
  }

  private JsonValue parseArray() {
    int start = pos++;
    List<JsonValue> elements = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return new JsonArray(elements, jsonb ? null : text.substring(start, pos));
    }
    while (true) {
      skipSpace();
      elements.add(parseValue());
      skipSpace();
      char next = peek();
      pos++;
      if (next == ']') {
        return new JsonArray(elements, jsonb ? null : text.substring(start, pos));
      }
      if (next != ',') {
        pos--;
        throw pos >= text.length() ? JsonException.invalidJson("The input string ended unexpectedly.") : unexpectedToken();
      }
    }
  }

  private JsonValue parseScalarWord() {
    int start = pos;
    char c = text.charAt(pos);
    if (c == '-' || (c >= '0' && c <= '9')) {
      return parseNumber();
    }
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    return switch (word) {
      case "true" -> new JsonBool(true, jsonb ? null : word);
      case "false" -> new JsonBool(false, jsonb ? null : word);
      case "null" -> new JsonNull(jsonb ? null : word);
      default -> {
        pos = start;
        throw unexpectedToken();
      }
    };
  }

  private JsonValue parseNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    boolean valid = true;
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      skipDigits();
    } else {
      valid = false;
    }
    if (valid && peek() == '.') {
      pos++;
      valid = isDigit(peek());
      skipDigits();
    }
    if (valid && (peek() == 'e' || peek() == 'E')) {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      valid = isDigit(peek());
      skipDigits();
    }
    if (!valid || (pos < text.length() && isWordChar(text.charAt(pos)))) {
      while (pos < text.length() && isWordChar(text.charAt(pos))) {
        pos++;
      }
      throw JsonException.invalidJson("Token \"" + text.substring(start, pos) + "\" is invalid.");
    }
    String number = text.substring(start, pos);
    return new JsonNumber(new BigDecimal(number), jsonb ? null : number);
  }

  private String parseString() {
    pos++; // the opening quote
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw JsonException.invalidJson("The input string ended unexpectedly.");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw JsonException.invalidJson("Character with value 0x" + String.format("%02x", (int) c) + " must be escaped.");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw JsonException.invalidJson("The input string ended unexpectedly.");
      }
      char escape = text.charAt(pos++);
      switch (escape) {
        case '"', '\\', '/' -> value.append(escape);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> appendUnicodeEscape(value);
        default -> throw JsonException.invalidJson("Escape sequence \"\\" + escape + "\" is invalid.");
      }
    }
  }

  private void appendUnicodeEscape(StringBuilder value) {
    int code = hex4();
    if (Character.isHighSurrogate((char) code)) {
      if (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
        pos += 2;
        int low = hex4();
        if (!Character.isLowSurrogate((char) low)) {
          throw JsonException.invalidJson("Unicode low surrogate must follow a high surrogate.");
        }
        value.append((char) code).append((char) low);
        return;
      }
      throw JsonException.invalidJson("Unicode low surrogate must follow a high surrogate.");
    }
    if (Character.isLowSurrogate((char) code)) {
      throw JsonException.invalidJson("Unicode low surrogate must follow a high surrogate.");
    }
    if (code == 0 && jsonb) {
      throw new JsonException(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence: \\u0000 cannot be converted to text.");
    }
    value.append((char) code);
  }

  private int hex4() {
    if (pos + 4 > text.length()) {
      throw JsonException.invalidJson("\"\\u\" must be followed by four hexadecimal digits.");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw JsonException.invalidJson("\"\\u\" must be followed by four hexadecimal digits.");
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return code;
  }

  private JsonException unexpectedToken() {
    int start = pos;
    int end = pos;
    if (end < text.length() && isWordChar(text.charAt(end))) {
      while (end < text.length() && isWordChar(text.charAt(end))) {
        end++;
      }
    } else {
      end = Math.min(text.length(), end + 1);
    }
    return JsonException.invalidJson("Token \"" + text.substring(start, end) + "\" is invalid.");
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void skipDigits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Characters PostgreSQL's json lexer reads as one token with what precedes them. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c > 127;
  }
}
