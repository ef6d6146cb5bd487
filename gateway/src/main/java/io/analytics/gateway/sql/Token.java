package io.analytics.gateway.sql;

import java.util.Locale;

/**
 * One lexical token of a SQL string with its span in the source.
 *
 * @param text the token's source text
 * @param start offset of the first character in the source
 * @param end offset after the last character
 */
public record Token(TokenType type, String text, int start, int end) {

  /** Whether this is the keyword or unquoted identifier {@code word} (case-insensitive). */
  public boolean is(String word) {
    return type == TokenType.WORD && text.equalsIgnoreCase(word);
  }

  public boolean isPunctuation(char c) {
    return type == TokenType.PUNCTUATION && text.length() == 1 && text.charAt(0) == c;
  }

  /** The value this token denotes: unquoted words fold to lower case, quotes are removed. */
  public String value() {
    return switch (type) {
      case WORD -> text.toLowerCase(Locale.ROOT);
      case QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
      case STRING -> StringLiterals.unquote(text);
      default -> text;
    };
  }
}
