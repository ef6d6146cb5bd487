package io.analytics.catalog.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps a home private to the user that runs the platform, whatever the umask: the home, its lake,
 * warehouse (with the audit log, spool and spill folders) and configuration folders are 0700, and
 * the secrets in them (the configuration with its SCRAM verifiers, the warehouse file, the audit
 * log, TLS keys) are 0600. A folder that others cannot enter hides every file created in it later,
 * so files DuckDB, logback or a pipeline create with the umask's mode stay private too.
 */
public final class HomePermissions {
  private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private HomePermissions() {}

  /** Restricts the home's folders and the files that hold secrets; a no-op where POSIX modes do not exist. */
  public static void restrict(PlatformHome home) {
    if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    for (Path directory : new Path[] {home.root(), home.dataDir(), home.warehouseDir(), home.configDir(),
        home.warehouseDir().resolve("logs"), home.tempDir()}) {
      set(directory, OWNER_DIRECTORY);
    }
    for (Path directory : new Path[] {home.configDir(), home.warehouseDir(), home.warehouseDir().resolve("logs")}) {
      restrictFiles(directory);
    }
  }

  private static void restrictFiles(Path directory) {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          set(file, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict the files of " + directory, e);
    }
  }

  private static void set(Path path, Set<PosixFilePermission> permissions) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (java.nio.file.FileSystemException e) {
      // Not ours to change (a home handed over by another user, a mounted volume): the owner keeps
      // it private; starting anyway is better than refusing to serve it.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict " + path, e);
    }
  }
}
