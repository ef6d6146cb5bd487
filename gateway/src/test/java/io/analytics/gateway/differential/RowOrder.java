package io.analytics.gateway.differential;

import java.util.Locale;

/**
 * Whether a statement's rows come in a defined order: an ORDER BY outside every parenthesis (one
 * inside a subquery, a window or an aggregate orders nothing the client sees). Rows of other
 * statements are compared as multisets, as their order is the planner's choice.
 */
final class RowOrder {
  private RowOrder() {}

  static boolean definedBy(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    int depth = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '\'' || c == '"') {
        int end = lower.indexOf(c, i + 1);
        if (end < 0) {
          return false;
        }
        i = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && lower.startsWith("order", i) && (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)))
          && lower.substring(i + 5).stripLeading().startsWith("by")) {
        return true;
      }
    }
    return false;
  }
}
