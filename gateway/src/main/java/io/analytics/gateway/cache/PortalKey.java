package io.analytics.gateway.cache;

import java.util.HexFormat;
import java.util.List;

/**
 * The part of a result cache key an extended-protocol Execute adds to the statement's text: each
 * bound parameter value with its Java type (so 1 and '1' never share an answer), and the result
 * formats (text and binary answers are different bytes). It starts with a NUL, which no statement
 * text the gateway runs contains, so it can never be mistaken for the end of another text.
 */
final class PortalKey {
  private PortalKey() {}

  /** The key, or null for values whose text would not say exactly what they are (arrays, collections): not cached. */
  static String of(List<Object> parameters, short[] resultFormats) {
    StringBuilder key = new StringBuilder("\u0000extended formats=");
    for (short format : resultFormats) {
      key.append(format);
    }
    for (Object value : parameters) {
      key.append('\u0000');
      if (value == null) {
        key.append("null");
      } else if (value instanceof byte[] bytes) {
        key.append("bytes:").append(HexFormat.of().formatHex(bytes));
      } else if (value.getClass().isArray() || value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
        return null;
      } else {
        key.append(value.getClass().getName()).append(':').append(value);
      }
    }
    return key.toString();
  }
}
