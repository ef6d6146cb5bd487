package io.analytics.gateway.functions;

import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code parse_ident(text [, strict])}: a qualified name split into its identifiers, unquoted ones
 * folded to lower case (ASCII letters only, as PostgreSQL folds them), quoted ones as written with {@code ""} read as
 * one quote; 22023 with PostgreSQL's messages for text that is no qualified name (in strict mode also for anything
 * after it).
 */
final class PgIdentifierParser {
  private final String text;
  private int position;

  private PgIdentifierParser(String text) {
    this.text = text;
  }

  static List<String> parse(String text, boolean strict) {
    return new PgIdentifierParser(text).parse(strict);
  }

  private List<String> parse(boolean strict) {
    List<String> parts = new ArrayList<>();
    boolean afterDot = false;
    skipSpaces();
    while (true) {
      String part = position < text.length() && text.charAt(position) == '"' ? quoted() : unquoted();
      if (part == null) {
        if (position < text.length() && text.charAt(position) == '.') {
          throw invalid("No valid identifier before \".\".");
        }
        throw invalid(afterDot ? "No valid identifier after \".\"." : null);
      }
      parts.add(part);
      skipSpaces();
      if (position < text.length() && text.charAt(position) == '.') {
        afterDot = true;
        position++;
        skipSpaces();
      } else if (position >= text.length()) {
        return parts;
      } else {
        if (strict) {
          throw invalid(null);
        }
        return parts;
      }
    }
  }

  private String quoted() {
    StringBuilder part = new StringBuilder();
    position++;
    while (true) {
      int quote = text.indexOf('"', position);
      if (quote < 0) {
        throw invalid("String has unclosed double quotes.");
      }
      part.append(text, position, quote);
      position = quote + 1;
      if (position < text.length() && text.charAt(position) == '"') {
        part.append('"');
        position++;
      } else {
        break;
      }
    }
    if (part.isEmpty()) {
      throw invalid("Quoted identifier must not be empty.");
    }
    return part.toString();
  }

  private String unquoted() {
    if (position >= text.length() || !isStart(text.charAt(position))) {
      return null;
    }
    StringBuilder part = new StringBuilder();
    while (position < text.length() && (isStart(text.charAt(position)) || Character.isDigit(text.charAt(position))
        && text.charAt(position) < 128 || text.charAt(position) == '$')) {
      char c = text.charAt(position++);
      part.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return part.toString();
  }

  private static boolean isStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128;
  }

  private void skipSpaces() {
    while (position < text.length() && " \t\n\r\f\u000b".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }

  private PgFunctionError invalid(String detail) {
    return new PgFunctionError(SqlState.INVALID_PARAMETER_VALUE,
        "string is not a valid identifier: \"" + text + "\"" + (detail == null ? "" : " " + detail));
  }
}
