package io.analytics.engine.script;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration file, {@code V001__create_reference_tables.sql}: its version, description and
 * checksum (SHA-256 of its text with line endings normalized).
 */
public record Migration(int version, String description, Path file, String script, String checksum) {
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  public Migration {
    requireNonNull(description, "description is null");
    requireNonNull(file, "file is null");
    requireNonNull(script, "script is null");
    requireNonNull(checksum, "checksum is null");
  }

  /** Whether a file name follows the migration naming pattern. */
  public static boolean isMigrationName(String fileName) {
    return NAME.matcher(fileName).matches();
  }

  public static Migration read(Path file) {
    Matcher matcher = NAME.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      throw new PlatformException(
          SqlState.INVALID_PARAMETER_VALUE, file.getFileName() + " is not named like V001__description.sql");
    }
    try {
      String script = Files.readString(file, StandardCharsets.UTF_8);
      String checksum = sha256(script.replace("\r\n", "\n"));
      return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '), file, script, checksum);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The checksum recorded when a migration is applied (hex SHA-256 of its text), so that an edited file is noticed. */
  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "SHA-256 is not available", e);
    }
  }

  public String fileName() {
    return file.getFileName().toString();
  }
}
