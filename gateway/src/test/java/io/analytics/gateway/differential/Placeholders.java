package io.analytics.gateway.differential;

/**
 * A case's JDBC placeholders ({@code ?}) as other drivers write them: psycopg2's {@code %s} (its
 * literal {@code %} doubled) and node-postgres' {@code $1, $2, ...}. Quoted text is left alone.
 */
final class Placeholders {
  private Placeholders() {}

  static String percent(String sql) {
    return replace(sql, true);
  }

  static String numbered(String sql) {
    return replace(sql, false);
  }

  private static String replace(String sql, boolean percent) {
    StringBuilder out = new StringBuilder();
    int parameter = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (percent && c == '%') {
        out.append("%%");
        continue;
      }
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '?') {
        out.append(percent ? "%s" : "$" + ++parameter);
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
