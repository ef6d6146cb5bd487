package io.analytics.iceberg.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

/** A local file read by Iceberg, keeping the location it was asked for. */
final class LocalInputFile implements InputFile {
  private final String location;
  private final Path path;

  LocalInputFile(String location, Path path) {
    this.location = requireNonNull(location, "location is null");
    this.path = requireNonNull(path, "path is null");
  }

  @Override
  public long getLength() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + path, e);
    }
  }

  @Override
  public SeekableInputStream newStream() {
    if (!Files.exists(path)) {
      throw new NotFoundException("file does not exist: %s", location);
    }
    return org.apache.iceberg.Files.localInput(path.toFile()).newStream();
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public boolean exists() {
    return Files.exists(path);
  }
}
