package io.analytics.gateway.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts COPY text format (backslash escapes, a null marker) into CSV that DuckDB reads back
 * exactly: every non-null value quoted, NULL as an unquoted \N.
 */
final class TextToCsv {
  private final CopyFormat format;
  private final OutputStream out;
  private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
  private boolean ended;

  TextToCsv(CopyFormat format, OutputStream out) {
    this.format = format;
    this.out = out;
  }

  void accept(byte[] data) throws IOException {
    for (byte b : data) {
      if (ended) {
        return;
      }
      if (b == '\n') {
        flushLine();
      } else {
        line.write(b);
      }
    }
  }

  void finish() throws IOException {
    if (line.size() > 0 && !ended) {
      flushLine();
    }
  }

  private void flushLine() throws IOException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.equals("\\.")) {
      ended = true;
      return;
    }
    List<String> fields = splitFields(text);
    StringBuilder csv = new StringBuilder(text.length() + 16);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      String raw = fields.get(i);
      if (raw.equals(format.nullString())) {
        csv.append("\\N");
      } else {
        csv.append('"').append(unescape(raw).replace("\"", "\"\"")).append('"');
      }
    }
    csv.append('\n');
    out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<String> splitFields(String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
      } else if (c == format.delimiter()) {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }

  private static String unescape(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder value = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        value.append(c);
        continue;
      }
      char next = raw.charAt(++i);
      switch (next) {
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'v' -> value.append('\u000b');
        case 'x' -> {
          int end = i + 1;
          while (end < raw.length() && end < i + 3 && Character.digit(raw.charAt(end), 16) >= 0) {
            end++;
          }
          if (end == i + 1) {
            value.append('x');
          } else {
            value.append((char) Integer.parseInt(raw.substring(i + 1, end), 16));
            i = end - 1;
          }
        }
        default -> {
          if (next >= '0' && next <= '7') {
            int end = i;
            while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
              end++;
            }
            value.append((char) Integer.parseInt(raw.substring(i, end), 8));
            i = end - 1;
          } else {
            value.append(next);
          }
        }
      }
    }
    return value.toString();
  }
}
