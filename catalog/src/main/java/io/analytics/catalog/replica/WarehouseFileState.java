package io.analytics.catalog.replica;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Sizes and modification times of the warehouse file and its write-ahead log. DuckDB appends every
 * committed change to the log and rewrites the file only at a checkpoint, while reads touch
 * neither, so this changes exactly when the warehouse did: the writer compares it with the state
 * its current snapshot was taken from to know whether to publish another. A missing file counts
 * as size and time -1.
 */
public record WarehouseFileState(long size, long modifiedNanos, long walSize, long walModifiedNanos) {
  @JsonCreator
  public WarehouseFileState(
      @JsonProperty("size") long size,
      @JsonProperty("modifiedNanos") long modifiedNanos,
      @JsonProperty("walSize") long walSize,
      @JsonProperty("walModifiedNanos") long walModifiedNanos) {
    this.size = size;
    this.modifiedNanos = modifiedNanos;
    this.walSize = walSize;
    this.walModifiedNanos = walModifiedNanos;
  }

  /** The state of the home's warehouse now: two stat calls. */
  public static WarehouseFileState of(PlatformHome home) {
    Path file = home.warehouseFile();
    long[] main = stat(file);
    long[] wal = stat(file.resolveSibling(file.getFileName() + ".wal"));
    return new WarehouseFileState(main[0], main[1], wal[0], wal[1]);
  }

  private static long[] stat(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new long[] {attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)};
    } catch (NoSuchFileException e) {
      return new long[] {-1, -1};
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read the attributes of " + file + ": " + e.getMessage(), e);
    }
  }
}
