package io.analytics.engine.script;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * One pass of psql's variable interpolation over a script: {@code :name} becomes the value as it
 * is, {@code :'name'} a string literal and {@code :"name"} a quoted identifier. String literals,
 * quoted identifiers, comments and dollar-quoted bodies are copied untouched, and so are
 * {@code ::} casts. A name the lookup does not know (it returns null) is left as written.
 */
final class VariableInterpolation {
  private final String script;
  private final Function<String, String> lookup;
  private final StringBuilder out = new StringBuilder();
  private int i;

  VariableInterpolation(String script, Function<String, String> lookup) {
    this.script = requireNonNull(script, "script is null");
    this.lookup = requireNonNull(lookup, "lookup is null");
  }

  String interpolate() {
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("--", i)) {
        copyTo(endOf(script.indexOf('\n', i), 0));
      } else if (c == '/' && script.startsWith("/*", i)) {
        copyTo(endOf(script.indexOf("*/", i + 2), 2));
      } else if (c == '\'' || c == '"') {
        copyTo(SqlScript.closingQuote(script, i, c));
      } else if (c == '$' && SqlScript.dollarTag(script, i) != null) {
        String tag = SqlScript.dollarTag(script, i);
        copyTo(endOf(script.indexOf(tag, i + tag.length()), tag.length()));
      } else if (c == ':' && script.startsWith("::", i)) {
        copyTo(i + 2);
      } else if (c == ':') {
        variable();
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** At a colon: {@code :name}, {@code :'name'} or {@code :"name"}, or a plain colon. */
  private void variable() {
    char quote = i + 1 < script.length() ? script.charAt(i + 1) : 0;
    if (quote == '\'' || quote == '"') {
      int nameEnd = nameEnd(i + 2);
      if (nameEnd > i + 2 && nameEnd < script.length() && script.charAt(nameEnd) == quote) {
        String value = lookup.apply(script.substring(i + 2, nameEnd));
        if (value != null) {
          out.append(quote).append(value.replace(String.valueOf(quote), String.valueOf(quote).repeat(2))).append(quote);
          i = nameEnd + 1;
          return;
        }
      }
    } else {
      int nameEnd = nameEnd(i + 1);
      if (nameEnd > i + 1) {
        String value = lookup.apply(script.substring(i + 1, nameEnd));
        if (value != null) {
          out.append(value);
          i = nameEnd;
          return;
        }
      }
    }
    out.append(':');
    i++;
  }

  /** The end of a variable name starting at {@code start} (psql: a letter or _, then letters, digits and _). */
  private int nameEnd(int start) {
    if (start >= script.length() || !(Character.isLetter(script.charAt(start)) || script.charAt(start) == '_')) {
      return start;
    }
    int end = start;
    while (end < script.length() && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
      end++;
    }
    return end;
  }

  private int endOf(int found, int length) {
    return found < 0 ? script.length() : found + length;
  }

  private void copyTo(int end) {
    out.append(script, i, end);
    i = end;
  }
}
