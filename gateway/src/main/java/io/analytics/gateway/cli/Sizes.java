package io.analytics.gateway.cli;

import io.analytics.catalog.config.ByteSize;

/** Byte counts as people read them (12.3 MB), blank for nothing. */
final class Sizes {
  private Sizes() {}

  static String human(long bytes) {
    return bytes <= 0 ? "" : ByteSize.formatDecimal(bytes);
  }
}
