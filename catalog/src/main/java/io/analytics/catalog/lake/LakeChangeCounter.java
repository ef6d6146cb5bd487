package io.analytics.catalog.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A word of memory shared by every process of a home that says the lake may have changed:
 * {@code data/.lake-version.seq}, eight bytes that {@link LakeChangeMarker#touch} overwrites in place
 * (never replacing the file) with the new version, after the marker itself. A reader maps the file
 * once and reads the word before each statement, without a system call: a write to a file is seen
 * at once through every mapping of it, so a commit that completed before a statement arrived has
 * changed the word that statement reads. Readers still read the marker itself when the word moved.
 */
public final class LakeChangeCounter {
  /** What {@link #read} returns when the word could not be mapped: the caller reads the marker instead. */
  public static final long UNKNOWN = Long.MIN_VALUE;

  private static final int BYTES = Long.BYTES;
  private static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final MappedByteBuffer word;

  private LakeChangeCounter(MappedByteBuffer word) {
    this.word = word;
  }

  /** Maps the home's counter, creating it (zero) if no commit has written it yet; UNKNOWN reads if it cannot. */
  public static LakeChangeCounter open(PlatformHome home) {
    Path file = file(requireNonNull(home, "home is null"));
    try {
      create(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        // A shorter file would fault when read through the mapping: it was not written by create().
        return new LakeChangeCounter(channel.size() >= BYTES ? channel.map(FileChannel.MapMode.READ_ONLY, 0, BYTES) : null);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return new LakeChangeCounter(null);
    }
  }

  /** The word now (it only ever changes when a commit bumped the marker), or UNKNOWN. */
  public long read() {
    return word == null ? UNKNOWN : (long) WORD.getVolatile(word, 0);
  }

  /** Writes {@code version} into the word, in place; called under the marker's lock, after the marker. */
  static void publish(PlatformHome home, long version) {
    Path file = file(home);
    try {
      create(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).putLong(0, version);
        while (bytes.hasRemaining()) {
          channel.write(bytes, bytes.position());
        }
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path file(PlatformHome home) {
    return home.dataDir().resolve(".lake-version.seq");
  }

  /**
   * Creates the file whole or not at all (a hard link to a complete temporary file), so that no
   * process ever maps a file shorter than the word.
   */
  private static void create(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temp, new byte[BYTES]);
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: the same eight bytes.
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
