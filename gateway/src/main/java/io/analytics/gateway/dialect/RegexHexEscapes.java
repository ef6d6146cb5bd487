package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * A hexadecimal escape in a literal pattern of {@code ~}, {@code ~*}, {@code !~} or {@code !~*}: PostgreSQL reads
 * {@code \x} with every hexadecimal digit after it as one character ({@code \x7fffffff} is refused with 2201B, beyond
 * Unicode), RE2 only the first two ({@code \x7f} and then the text {@code ffffff}), so the same pattern matched other
 * text. Escapes of more than two digits are written in RE2's {@code \x{...}} form; one beyond U+10FFFF is refused as
 * PostgreSQL refuses it.
 */
public final class RegexHexEscapes implements DialectStage {
  private static final Set<String> OPERATORS = Set.of("~", "~*", "!~", "!~*");
  private static final int MAX_CODE_POINT = 0x10FFFF;

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 1; i < tokens.size(); i++) {
      Token pattern = tokens.get(i);
      if (pattern.type() != TokenType.STRING || !OPERATORS.contains(tokens.get(i - 1).text()) || !pattern.value().contains("\\x")) {
        continue;
      }
      String rewritten = rewritten(pattern.value());
      if (!rewritten.equals(pattern.value())) {
        edits = edits == null ? new TokenEdits(statement) : edits;
        edits.replace(pattern.start(), pattern.end(), "'" + rewritten.replace("'", "''") + "'");
      }
    }
    return edits == null ? statement : edits.result();
  }

  /** The pattern with each {@code \x} of more than two hexadecimal digits in RE2's braced form. */
  static String rewritten(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length() + 4);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '\\' || i + 1 >= pattern.length()) {
        out.append(c);
        continue;
      }
      char next = pattern.charAt(i + 1);
      int digits = next == 'x' ? hexDigits(pattern, i + 2) : 0;
      if (digits <= 2) {
        out.append(c).append(next);
        i++;
        continue;
      }
      String hex = pattern.substring(i + 2, i + 2 + digits);
      String significant = hex.replaceFirst("^0+(?=.)", "");
      if (significant.length() > 6 || Integer.parseInt(significant, 16) > MAX_CODE_POINT) {
        throw new PlatformException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: invalid escape \\ sequence",
            null, null, 0, null);
      }
      out.append("\\x{").append(hex).append('}');
      i += 1 + digits;
    }
    return out.toString();
  }

  private static int hexDigits(String text, int from) {
    int end = from;
    while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0) {
      end++;
    }
    return end - from;
  }
}
