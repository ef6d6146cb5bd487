package io.analytics.gateway.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The cases that answer unlike PostgreSQL through one driver only (pgjdbc finds them alike): lines
 * of {@code driver, area, case, reason} separated by tabs, read by {@link DriverDifferentialTest}.
 */
final class DriverDifferences {
  private DriverDifferences() {}

  /** The {@code area<TAB>case} keys listed for {@code driver}. */
  static Set<String> load(String resource, String driver) {
    Set<String> keys = new HashSet<>();
    try (InputStream in = DriverDifferences.class.getResourceAsStream(resource)) {
      if (in == null) {
        return keys;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
          throw new IllegalArgumentException(resource + ": not 4 tab-separated fields: " + line);
        }
        if (fields[0].equals(driver)) {
          keys.add(fields[1] + "\t" + fields[2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
