package io.analytics.iceberg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * Iceberg's file access on the local file system through java.nio, so that writing table metadata
 * needs no Hadoop. Locations are {@code file:} URIs ({@code file:///home/lake/data/...}) or plain
 * absolute paths; the location given is the location recorded.
 */
public final class LocalFileIO implements FileIO {
  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(location, toPath(location));
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutputFile(location, toPath(location));
  }

  @Override
  public void deleteFile(String location) {
    try {
      Files.deleteIfExists(toPath(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location, e);
    }
  }

  /** The local path of a {@code file:} location (not percent-decoded: lake paths are written as they are). */
  public static Path toPath(String location) {
    if (location.startsWith("file://")) {
      return Path.of(location.substring("file://".length()));
    }
    if (location.startsWith("file:")) {
      return Path.of(location.substring("file:".length()));
    }
    if (location.contains("://")) {
      throw new IllegalArgumentException("not a local file: " + location);
    }
    return Path.of(location);
  }

  /** The location other engines are given for a local path. */
  public static String toLocation(Path path) {
    return "file://" + path.toAbsolutePath().normalize();
  }
}
