package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size written as DuckDB writes them ("512MB", "4GiB"), parsed once: KB, MB, GB and TB count in
 * thousands, KiB, MiB, GiB and TiB in 1024s, so one setting means the same to the gateway and to DuckDB.
 *
 * @param text the size as configured
 * @param bytes what it comes to
 */
public record ByteSize(@JsonValue String text, long bytes) {
  private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\\s*", Pattern.CASE_INSENSITIVE);

  /** The size {@code text} names, or null for null; a ConfigException naming {@code key} when it is not a size. */
  public static ByteSize of(String key, String text) {
    return text == null ? null : new ByteSize(text, parse(key, text));
  }

  /** The number of bytes {@code text} names; a ConfigException naming {@code key} when it is not a size. */
  public static long parse(String key, String text) {
    Matcher size = SIZE.matcher(text == null ? "" : text);
    if (!size.matches()) {
      throw new ConfigException("config key \"" + key + "\" must be a size such as \"512MB\", got \"" + text + "\"");
    }
    double bytes = Double.parseDouble(size.group(1)) * switch (size.group(2).toUpperCase(Locale.ROOT)) {
      case "KB" -> 1e3;
      case "MB" -> 1e6;
      case "GB" -> 1e9;
      case "TB" -> 1e12;
      case "KIB" -> 1024.0;
      case "MIB" -> 1024.0 * 1024;
      case "GIB" -> 1024.0 * 1024 * 1024;
      case "TIB" -> 1024.0 * 1024 * 1024 * 1024;
      default -> 1.0;
    };
    if (bytes < 1 || bytes > Long.MAX_VALUE / 1024) {
      throw new ConfigException("config key \"" + key + "\" is out of range: \"" + text + "\"");
    }
    return (long) bytes;
  }
}
