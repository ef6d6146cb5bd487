package io.analytics.gateway.sql;

import java.util.Locale;

/**
 * A statement with its literals replaced by {@code ?} and keywords upper-cased: what logs show, so
 * that they group alike statements and never record the values in them.
 */
public final class StatementFingerprint {
  private static final int MAX_LENGTH = 300;

  private StatementFingerprint() {}

  public static String of(SqlStatement statement) {
    StringBuilder text = new StringBuilder();
    for (Token token : statement.tokens()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      switch (token.type()) {
        case STRING, NUMBER -> text.append('?');
        case WORD -> text.append(token.text().toUpperCase(Locale.ROOT));
        default -> text.append(token.text());
      }
      if (text.length() > MAX_LENGTH) {
        return text.substring(0, MAX_LENGTH) + "...";
      }
    }
    return text.toString();
  }
}
