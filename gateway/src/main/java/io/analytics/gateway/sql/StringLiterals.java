package io.analytics.gateway.sql;

/** Decoding of SQL string literal tokens into their values. */
final class StringLiterals {
  private StringLiterals() {}

  static String unquote(String literal) {
    if (literal.startsWith("$")) {
      int tagEnd = literal.indexOf('$', 1);
      return literal.substring(tagEnd + 1, literal.length() - (tagEnd + 1));
    }
    if (literal.startsWith("E") || literal.startsWith("e")) {
      return unescape(literal.substring(2, literal.length() - 1));
    }
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }

  private static String unescape(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
