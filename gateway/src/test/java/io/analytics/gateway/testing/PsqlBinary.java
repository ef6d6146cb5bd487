package io.analytics.gateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the psql client is, for the tests that drive it; null when it is not installed. */
public final class PsqlBinary {
  private PsqlBinary() {}

  public static Path find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "psql");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
