package io.analytics.gateway.dialect;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a regular expression's text says about how DuckDB's RE2 will match it compared with
 * PostgreSQL's engine. Whether text matches at all is the same in both for the syntax they share; the
 * text a match covers is the same only without alternation (PostgreSQL takes the longest match of
 * an alternation, RE2 the first branch that matches), without lazy quantifiers (PostgreSQL's are
 * resolved for the whole expression) and without back-references; and a capture group is the same
 * only when it always takes part (RE2 reports a group that took no part as an empty string,
 * PostgreSQL as NULL).
 */
final class RegexPatternShape {
  private RegexPatternShape() {}

  /** Whether the matched text and every capture group are the same in RE2 as in PostgreSQL. */
  static boolean extractsAsPostgres(String pattern) {
    // The open groups, each true if it can be skipped (it or a group around it is optional).
    Deque<int[]> open = new ArrayDeque<>();
    boolean inBracket = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (inBracket) {
        if (c == '\\') {
          i++;
        } else if (c == ']') {
          inBracket = false;
        }
        continue;
      }
      switch (c) {
        case '\\' -> {
          if (i + 1 < pattern.length() && "123456789mMyYZ".indexOf(pattern.charAt(i + 1)) >= 0) {
            return false;
          }
          i++;
        }
        case '[' -> {
          inBracket = true;
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
            i++;
          }
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
            i++;
          }
        }
        case '|' -> {
          return false;
        }
        case '(' -> {
          boolean capturing = i + 1 >= pattern.length() || pattern.charAt(i + 1) != '?';
          if (!capturing && i + 2 < pattern.length() && pattern.charAt(i + 2) != ':') {
            return false; // lookaround and other (?...) forms
          }
          open.push(new int[] {capturing ? 1 : 0});
        }
        case ')' -> {
          if (open.isEmpty()) {
            return false;
          }
          int[] group = open.pop();
          if (optional(pattern, i + 1) && (group[0] == 1 || containsCapturing(pattern, i))) {
            return false;
          }
        }
        case '*', '+', '?', '}' -> {
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '?') {
            return false;
          }
        }
        default -> { }
      }
    }
    return open.isEmpty() && !inBracket;
  }

  /** Whether a quantifier of the pattern (outside bracket expressions) is lazy: {@code *?}, {@code +?}, {@code ??}, <code>}?</code>. */
  static boolean hasLazyQuantifier(String pattern) {
    boolean inBracket = false;
    for (int i = 0; i + 1 < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inBracket) {
        inBracket = c != ']';
      } else if (c == '[') {
        inBracket = true;
        i += pattern.startsWith("[^]", i) ? 2 : pattern.startsWith("[]", i) ? 1 : 0;
      } else if ("*+?}".indexOf(c) >= 0 && pattern.charAt(i + 1) == '?' && !(c == '?' && i > 0 && pattern.charAt(i - 1) == '(')) {
        return true;
      }
    }
    return false;
  }

  /** Whether the parts of the pattern before {@code from} can depend on where a search starts (anchors, word boundaries). */
  static boolean dependsOnStart(String pattern) {
    return pattern.contains("^") || pattern.contains("\\b") || pattern.contains("\\B") || pattern.contains("\\A")
        || pattern.contains("(?");
  }

  /** Whether the quantifier at {@code at} (if any) lets the atom before it match zero times. */
  private static boolean optional(String pattern, int at) {
    if (at >= pattern.length()) {
      return false;
    }
    char c = pattern.charAt(at);
    return c == '?' || c == '*' || (c == '{' && (pattern.startsWith("{0", at) || pattern.startsWith("{,", at)));
  }

  /** Whether the group closing at {@code close} holds a capturing group (an optional group makes those optional). */
  private static boolean containsCapturing(String pattern, int close) {
    int depth = 0;
    for (int i = close - 1; i >= 0; i--) {
      char c = pattern.charAt(i);
      if (i > 0 && pattern.charAt(i - 1) == '\\') {
        continue;
      }
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        if (depth == 0) {
          return false;
        }
        depth--;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) != '?') {
          return true;
        }
      }
    }
    return false;
  }
}
