package io.analytics.gateway.progress;

import java.util.Locale;

/** Byte counts as people read them (12.3 MB). */
public final class Sizes {
  private Sizes() {}

  public static String human(long bytes) {
    if (bytes <= 0) {
      return "";
    }
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
