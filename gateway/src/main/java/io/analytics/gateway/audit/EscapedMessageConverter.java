package io.analytics.gateway.audit;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with control characters escaped ({@code \n}, {@code \r}, {@code \t}, other C0
 * and C1 controls and the Unicode line and paragraph separators as {@code \\uXXXX}), used as
 * {@code %safemsg} in the server log's pattern: user names, identifiers and statement text come
 * from clients, and none of them may start a forged line in the log.
 */
public final class EscapedMessageConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return escape(event.getFormattedMessage());
  }

  /** The text with every control character escaped; plain text is returned as it is. */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement != null && escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escaped != null) {
        escaped.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return escaped == null ? text : escaped.toString();
  }

  private static String replacement(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case '\\' -> null;
      default -> Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
          ? String.format("\\u%04x", (int) c) : null;
    };
  }
}
