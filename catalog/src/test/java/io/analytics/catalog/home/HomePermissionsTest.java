package io.analytics.catalog.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home is private to its user whatever the umask: folders 0700, secrets 0600. */
class HomePermissionsTest {
  @TempDir Path root;

  @Test
  void foldersAndSecretsArePrivateWhateverModeTheyWereCreatedWith() throws Exception {
    PlatformHome home = new PlatformHome(root.resolve("home"));
    Files.createDirectories(home.root());
    // As a umask of 022 leaves them.
    Files.setPosixFilePermissions(home.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
    home.ensureLayout();
    Path logs = Files.createDirectories(home.warehouseDir().resolve("logs"));
    Path config = Files.writeString(home.configFile(), "{}");
    Path warehouse = Files.writeString(home.warehouseFile(), "x");
    Path audit = Files.writeString(logs.resolve("audit.jsonl"), "{}");
    for (Path file : new Path[] {config, warehouse, audit}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));

    HomePermissions.restrict(home);

    for (Path directory : new Path[] {home.root(), home.dataDir(), home.warehouseDir(), home.configDir(), logs}) {
      assertThat(mode(directory)).as(directory.toString()).isEqualTo("rwx------");
    }
    for (Path file : new Path[] {config, warehouse, audit}) {
      assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
