package io.analytics.catalog.replica;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pointer {@code warehouse/snapshots/current.json} to the warehouse snapshot replicas should
 * serve. The writer renames a complete snapshot file into place first and then replaces this
 * pointer atomically, so a reader of the pointer always finds a whole snapshot behind it.
 *
 * @param sequence increases by one with every snapshot the writer publishes
 * @param file the snapshot's file name in the snapshots folder
 * @param warehouse the state of the warehouse files the snapshot was copied from
 */
public record SnapshotPointer(long sequence, String file, WarehouseFileState warehouse) {
  // Lenient on purpose: a newer writer may record more than this version knows.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String POINTER_FILE = "current.json";

  @JsonCreator
  public SnapshotPointer(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("file") String file,
      @JsonProperty("warehouse") WarehouseFileState warehouse) {
    this.sequence = sequence;
    this.file = requireNonNull(file, "file is null");
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
  }

  /** The file name of snapshot {@code sequence}; the number is padded so that names sort in publishing order. */
  public static String fileName(long sequence) {
    return String.format("snapshot-%012d.duckdb", sequence);
  }

  /** The snapshot file this pointer names. */
  public Path path(PlatformHome home) {
    return home.snapshotsDir().resolve(file);
  }

  /** Makes this the current snapshot, replacing the pointer atomically. */
  public void publish(PlatformHome home) {
    requireNonNull(home, "home is null");
    try {
      DurableFiles.writeAtomically(pointerFile(home), MAPPER.writeValueAsString(this) + "\n");
    } catch (JsonProcessingException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot encode the snapshot pointer: " + e.getMessage(), e);
    }
  }

  /** The current snapshot, or empty when none was published (or the pointer cannot be parsed). */
  public static Optional<SnapshotPointer> current(PlatformHome home) {
    requireNonNull(home, "home is null");
    Path pointer = pointerFile(home);
    String text;
    try {
      text = Files.readString(pointer, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + pointer + ": " + e.getMessage(), e);
    }
    try {
      return Optional.of(MAPPER.readValue(text, SnapshotPointer.class));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Path pointerFile(PlatformHome home) {
    return home.snapshotsDir().resolve(POINTER_FILE);
  }
}
