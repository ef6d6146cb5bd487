package io.analytics.engine.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at semicolons that are outside string literals, quoted
 * identifiers, comments and dollar-quoted bodies. Statements holding only comments are dropped.
 */
public final class SqlScript {
  private SqlScript() {}

  public static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean hasCode = false;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        current.append(script, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        current.append(script, i, end);
        i = end;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(script, i, c);
        current.append(script, i, end);
        hasCode = true;
        i = end;
      } else if (c == '$' && dollarTag(script, i) != null) {
        String tag = dollarTag(script, i);
        int close = script.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close + tag.length();
        current.append(script, i, end);
        hasCode = true;
        i = end;
      } else if (c == ';') {
        if (hasCode) {
          statements.add(current.toString().trim());
        }
        current.setLength(0);
        hasCode = false;
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          hasCode = true;
        }
        current.append(c);
        i++;
      }
    }
    if (hasCode) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  /** The index just past the quote that closes the one at {@code start} (doubled quotes escape). */
  static int closingQuote(String script, int start, char quote) {
    int i = start + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return script.length();
  }

  /** {@code $tag$} or {@code $$} starting at {@code start}, or null when it is not a dollar quote. */
  static String dollarTag(String script, int start) {
    if (start > 0 && (Character.isLetterOrDigit(script.charAt(start - 1)) || script.charAt(start - 1) == '_')) {
      return null;
    }
    int i = start + 1;
    while (i < script.length() && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_')) {
      i++;
    }
    if (i < script.length() && script.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(script.charAt(start + 1)))) {
      return script.substring(start, i + 1);
    }
    return null;
  }
}
