package io.analytics.gateway.json;

/**
 * DuckDB's row_to_json and to_json write an infinite or NaN float as a bare {@code Infinity}, {@code -Infinity} or
 * {@code NaN} (not JSON at all); PostgreSQL writes them as the strings {@code "Infinity"}, {@code "-Infinity"} and
 * {@code "NaN"}. This quotes those bare words wherever they stand outside a string of the text.
 */
final class NonFiniteJsonNumbers {
  private static final String[] WORDS = {"-Infinity", "Infinity", "NaN"};

  private NonFiniteJsonNumbers() {}

  static String quoted(String json) {
    StringBuilder result = new StringBuilder(json.length() + 8);
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\' && i + 1 < json.length()) {
          result.append(c);
          c = json.charAt(++i);
        } else if (c == '"') {
          inString = false;
        }
        result.append(c);
        continue;
      }
      inString = c == '"';
      String word = inString ? null : wordAt(json, i);
      if (word == null) {
        result.append(c);
      } else {
        result.append('"').append(word).append('"');
        i += word.length() - 1;
      }
    }
    return result.toString();
  }

  private static String wordAt(String json, int at) {
    for (String word : WORDS) {
      if (json.startsWith(word, at)) {
        return word;
      }
    }
    return null;
  }
}
