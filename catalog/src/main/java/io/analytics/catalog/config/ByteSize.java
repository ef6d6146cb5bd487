package io.analytics.catalog.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes written as DuckDB writes them ({@code "512MB"}, {@code "1.5GiB"}): KB, MB, GB and TB are
 * powers of 1000 and KiB, MiB, GiB and TiB powers of 1024, as DuckDB reads them, so a size means the
 * same bytes in every config key whether the gateway or DuckDB enforces it.
 */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\\s*",
      Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /** The bytes {@code text} stands for; a malformed size is a config error naming {@code key}. */
  public static long parse(String key, String text) {
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw new ConfigException("config key \"" + key + "\" must be a size such as \"512MB\" or \"1GiB\", got \"" + text + "\"");
    }
    long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
      case "b" -> 1L;
      case "kb" -> 1_000L;
      case "mb" -> 1_000_000L;
      case "gb" -> 1_000_000_000L;
      case "tb" -> 1_000_000_000_000L;
      case "kib" -> 1L << 10;
      case "mib" -> 1L << 20;
      case "gib" -> 1L << 30;
      default -> 1L << 40;
    };
    BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new ConfigException("config key \"" + key + "\" is too large: \"" + text + "\"");
    }
    return bytes.longValue();
  }

  /** Whether {@code text} is a size {@link #parse} accepts. */
  static boolean isSize(String text) {
    return SIZE.matcher(text).matches();
  }

  /** A size as people read it, in the largest binary unit that keeps one decimal: "64.0 MiB". */
  public static String format(long bytes) {
    return format(bytes, 1024, "bytes", "KiB", "MiB", "GiB", "TiB");
  }

  /** The same in decimal units, as file sizes are shown: "12.3 MB". */
  public static String formatDecimal(long bytes) {
    return format(bytes, 1000, "B", "kB", "MB", "GB", "TB");
  }

  private static String format(long bytes, int step, String... units) {
    double value = bytes;
    int unit = 0;
    while (value >= step && unit < units.length - 1) {
      value /= step;
      unit++;
    }
    return unit == 0 ? bytes + " " + units[0] : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
