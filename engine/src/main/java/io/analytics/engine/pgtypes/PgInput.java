package io.analytics.engine.pgtypes;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads PostgreSQL's binary COPY stream (big-endian) through its own buffer, without per-call locking. */
public final class PgInput {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long bytesRead;

  public PgInput(InputStream in) {
    this.in = requireNonNull(in, "in is null");
  }

  public long bytesRead() {
    return bytesRead;
  }

  /** Bytes consumed so far (read by the caller, not just buffered). */
  public long consumed() {
    return bytesRead - (limit - position);
  }

  /** Whether the stream has ended (no byte left). */
  public boolean atEnd() throws IOException {
    return position == limit && !fill(1, false);
  }

  public short readShort() throws IOException {
    require(2);
    int value = ((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff);
    position += 2;
    return (short) value;
  }

  public int readInt() throws IOException {
    require(4);
    int value = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
        | ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
    position += 4;
    return value;
  }

  public long readLong() throws IOException {
    return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
  }

  public byte readByte() throws IOException {
    require(1);
    return buffer[position++];
  }

  /** Reads {@code length} bytes into {@code target} (which must be large enough). */
  public void readFully(byte[] target, int length) throws IOException {
    int copied = 0;
    while (copied < length) {
      if (position == limit) {
        fill(1, true);
      }
      int n = Math.min(length - copied, limit - position);
      System.arraycopy(buffer, position, target, copied, n);
      position += n;
      copied += n;
    }
  }

  public void skip(int length) throws IOException {
    int skipped = 0;
    while (skipped < length) {
      if (position == limit) {
        fill(1, true);
      }
      int n = Math.min(length - skipped, limit - position);
      position += n;
      skipped += n;
    }
  }

  private void require(int n) throws IOException {
    if (limit - position < n) {
      fill(n, true);
    }
  }

  private boolean fill(int needed, boolean required) throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    while (limit < needed) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        if (required) {
          throw new EOFException("the COPY stream ended in the middle of a row");
        }
        return false;
      }
      limit += n;
      bytesRead += n;
    }
    return true;
  }
}
