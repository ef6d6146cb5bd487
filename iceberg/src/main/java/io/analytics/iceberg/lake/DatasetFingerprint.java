package io.analytics.iceberg.lake;

import io.analytics.catalog.lake.DatasetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a dataset's visible files (relative names and sizes), stored in the summary of the
 * Iceberg snapshot that published them: when it still matches, the table is known to be in step
 * with the lake without reading its manifests, so catching up on start costs one listing per dataset.
 */
public final class DatasetFingerprint {
  /** The snapshot summary property holding it. */
  public static final String PROPERTY = "analytics.lake-fingerprint";

  private DatasetFingerprint() {}

  public static String of(DatasetFiles files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : files.files()) {
        String line = files.directory().relativize(file) + "\t" + Files.size(file) + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of a file of " + files.directory(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
