package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Map;

/** The COPY options that shape rows as text: text or csv format, delimiter, null string, quoting. */
record CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header) {

  static CopyFormat of(Map<String, String> options) {
    String format = options.getOrDefault("format", "text");
    if (format.equals("binary")) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY in binary format is not supported; use text or csv");
    }
    boolean csv = format.equals("csv");
    char delimiter = singleChar(options, "delimiter", csv ? ',' : '\t');
    String nullString = options.getOrDefault("null", csv ? "" : "\\N");
    char quote = singleChar(options, "quote", '"');
    char escape = singleChar(options, "escape", quote);
    String header = options.getOrDefault("header", "false").toLowerCase(java.util.Locale.ROOT);
    boolean hasHeader = header.equals("true") || header.equals("on") || header.equals("1") || header.equals("match");
    if (hasHeader && !csv) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "cannot specify HEADER in TEXT mode");
    }
    if (!csv && (options.containsKey("quote") || options.containsKey("escape"))) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY QUOTE and ESCAPE are available only in CSV mode");
    }
    return new CopyFormat(csv, delimiter, nullString, quote, escape, hasHeader);
  }

  private static char singleChar(Map<String, String> options, String name, char defaultValue) {
    String value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (value.length() != 1) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + name + " must be a single one-byte character");
    }
    return value.charAt(0);
  }
}
