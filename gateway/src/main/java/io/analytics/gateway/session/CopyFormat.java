package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Map;

/**
 * The COPY options that shape rows: binary, or text and csv with their delimiter, null string and
 * quoting.
 */
record CopyFormat(boolean binary, boolean csv, char delimiter, String nullString, char quote, char escape, boolean header) {

  static CopyFormat of(Map<String, String> options) {
    String format = options.getOrDefault("format", "text").toLowerCase(java.util.Locale.ROOT);
    if (format.equals("binary")) {
      return binary(options);
    }
    if (!format.equals("text") && !format.equals("csv")) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + format + "\" not recognized");
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
    return new CopyFormat(false, csv, delimiter, nullString, quote, escape, hasHeader);
  }

  /** PostgreSQL's binary COPY format, which takes none of the text options (refused as PostgreSQL does). */
  private static CopyFormat binary(Map<String, String> options) {
    for (String textOnly : new String[] {"delimiter", "null"}) {
      if (options.containsKey(textOnly)) {
        throw new PlatformException(SqlState.SYNTAX_ERROR,
            "cannot specify " + textOnly.toUpperCase(java.util.Locale.ROOT) + " in BINARY mode");
      }
    }
    if (options.containsKey("header")) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
    }
    if (options.containsKey("quote") || options.containsKey("escape")) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
    }
    return new CopyFormat(true, false, '\t', "", '"', '"', false);
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
