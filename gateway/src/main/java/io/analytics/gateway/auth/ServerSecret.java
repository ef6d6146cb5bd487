package io.analytics.gateway.auth;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A random secret kept in the home ({@code config/server.secret}, 0600), created on first use: what
 * must stay the same across restarts without being guessable, such as the salt an unknown user's
 * mock SCRAM exchange shows (if it changed at each restart, comparing salts would tell which names
 * exist).
 */
public final class ServerSecret {
  private static final int LENGTH = 32;

  private ServerSecret() {}

  public static byte[] load(Path file, SecureRandom random) {
    try {
      if (Files.exists(file)) {
        byte[] secret = Files.readAllBytes(file);
        if (secret.length == LENGTH) {
          return secret;
        }
      }
      byte[] secret = new byte[LENGTH];
      random.nextBytes(secret);
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".new");
      Files.deleteIfExists(temporary);
      if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.write(temporary, secret);
      try {
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        return Files.readAllBytes(file);
      }
      return secret;
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read or create the server secret " + file + ": " + e.getMessage(), e);
    }
  }
}
