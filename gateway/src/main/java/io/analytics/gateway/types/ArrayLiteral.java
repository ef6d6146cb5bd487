package io.analytics.gateway.types;


/**
 * A PostgreSQL array literal ({@code {1,2,NULL}}, {@code {"a b",c}}, {@code {{1,2},{3,4}}}) read
 * the way array_in reads it, and rewritten as a DuckDB list literal that DuckDB casts to the
 * parameter's list type.
 */
public final class ArrayLiteral {
  private final String text;
  private final PgType element;
  private int position;

  ArrayLiteral(String text, PgType element) {
    this.text = text;
    this.element = element;
  }

  /**
   * A PostgreSQL array literal's text rewritten as the text of a DuckDB list ({@code {1,"a b"}} to
   * {@code [1, 'a b']}) that DuckDB casts to a list of {@code element}'s type; malformed input is 22P02.
   */
  public static String duckDbListText(String postgresArray, PgType element) {
    return new ArrayLiteral(postgresArray, element).toDuckDbLiteral();
  }

  String toDuckDbLiteral() {
    skipSpaces();
    StringBuilder literal = new StringBuilder(text.length() + 8);
    parseLevel(literal, 0);
    skipSpaces();
    if (position != text.length()) {
      throw malformed("junk after closing right brace");
    }
    return literal.toString();
  }

  /** The number of dimensions of a well-formed array literal ({@code {{1,2},{3,4}}} has 2). */
  public static int dimensions(String postgresArray) {
    int dimensions = 0;
    for (int i = 0; i < postgresArray.length(); i++) {
      char c = postgresArray.charAt(i);
      if (c == '{') {
        dimensions++;
      } else if (!Character.isWhitespace(c)) {
        break;
      }
    }
    return dimensions;
  }

  /**
   * Reads one level ({@code {...}}) into {@code literal} and answers its shape ("2x3" for two sub-arrays of three
   * elements). As in array_in, a level holds either elements or sub-arrays, sub-arrays have one shape, and only the
   * outermost level may be empty.
   */
  private String parseLevel(StringBuilder literal, int depth) {
    expect('{');
    literal.append('[');
    skipSpaces();
    if (peek() == '}') {
      if (depth > 0) {
        throw malformed("unexpected \"}\" character");
      }
      position++;
      literal.append(']');
      return "0";
    }
    String subShape = null;
    boolean scalars = false;
    int count = 0;
    while (true) {
      skipSpaces();
      if (peek() == '{') {
        if (scalars) {
          throw malformed("unexpected \"{\" character");
        }
        String shape = parseLevel(literal, depth + 1);
        if (subShape != null && !subShape.equals(shape)) {
          throw malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
        subShape = shape;
      } else {
        if (subShape != null) {
          throw malformed("unexpected array element");
        }
        scalars = true;
        Element item = parseElement();
        if (item.isNull()) {
          literal.append("NULL");
        } else {
          appendElement(literal, item.text(), element);
        }
      }
      count++;
      skipSpaces();
      char next = peek();
      position++;
      if (next == '}') {
        literal.append(']');
        return subShape == null ? String.valueOf(count) : count + "x" + subShape;
      }
      if (next != ',') {
        throw malformed("unexpected character \"" + next + "\"");
      }
      literal.append(", ");
    }
  }

  private record Element(String text, boolean isNull) {}

  private Element parseElement() {
    StringBuilder value = new StringBuilder();
    if (peek() == '"') {
      position++;
      while (true) {
        char c = next();
        if (c == '"') {
          return new Element(value.toString(), false);
        }
        value.append(c == '\\' ? next() : c);
      }
    }
    while (position < text.length() && text.charAt(position) != ',' && text.charAt(position) != '}') {
      char c = next();
      value.append(c == '\\' ? next() : c);
    }
    String raw = value.toString().strip();
    if (raw.isEmpty()) {
      throw malformed("unexpected \"" + peek() + "\" character");
    }
    return new Element(raw, raw.equalsIgnoreCase("NULL"));
  }

  /** Appends one element: numbers and booleans bare, everything else as a quoted DuckDB string. */
  static void appendElement(StringBuilder literal, String value, PgType element) {
    if (element.category() == 'N' || element.category() == 'B') {
      literal.append(value);
      return;
    }
    literal.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' || c == '\\') {
        literal.append('\\');
      }
      literal.append(c);
    }
    literal.append('\'');
  }

  private void expect(char c) {
    if (peek() != c) {
      throw malformed(c == '{' ? "array value must start with \"{\"" : "expected \"" + c + "\"");
    }
    position++;
  }

  private char peek() {
    if (position >= text.length()) {
      throw malformed("unexpected end of input");
    }
    return text.charAt(position);
  }

  private char next() {
    char c = peek();
    position++;
    return c;
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private io.analytics.catalog.error.PlatformException malformed(String detail) {
    return new io.analytics.catalog.error.PlatformException(
        io.analytics.catalog.error.SqlState.INVALID_TEXT_REPRESENTATION,
        "malformed array literal: \"" + text + "\" (" + detail + ")");
  }

}
