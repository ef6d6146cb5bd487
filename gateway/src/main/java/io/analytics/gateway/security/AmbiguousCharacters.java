package io.analytics.gateway.security;

import java.util.Optional;

/**
 * Characters on which the gateway's lexer and DuckDB's parser may disagree: DuckDB takes Unicode
 * spaces (U+00A0, U+2007, U+3000, ...) and some format characters for whitespace outside quotes,
 * and accepts dollar-quote tags of any letters ({@code $€$}, {@code $٣$}). A statement DuckDB does
 * not read as a SELECT is classified from the lexer's tokens, so it must hold none of them: there
 * the two readings could differ in what the statement is or which object it names.
 */
final class AmbiguousCharacters {
  private AmbiguousCharacters() {}

  /** A description of the first such character, or empty when the text is plain. */
  static Optional<String> findIn(String sql) {
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '$' && i + 1 < sql.length() && sql.charAt(i + 1) > 127) {
        return Optional.of("a dollar-quote tag with non-ASCII characters");
      }
      if (c > 127 && isSpaceOrFormat(c)) {
        return Optional.of(String.format("the character U+%04X", (int) c));
      }
      if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B) {
        return Optional.of(String.format("the control character U+%04X", (int) c));
      }
    }
    return Optional.empty();
  }

  private static boolean isSpaceOrFormat(char c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
        || type == Character.CONTROL || c == '\u180E' || c == '\u200B' || c == '\uFEFF' || c == '\u0085';
  }
}
