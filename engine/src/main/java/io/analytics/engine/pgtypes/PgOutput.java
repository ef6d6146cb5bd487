package io.analytics.engine.pgtypes;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes PostgreSQL's binary COPY format (big-endian) into a buffer flushed to a stream in large chunks. */
public final class PgOutput {
  private static final int FLUSH_AT = 1 << 20;

  private final OutputStream out;
  private byte[] buffer = new byte[FLUSH_AT + (1 << 16)];
  private int position;
  private long bytesWritten;

  public PgOutput(OutputStream out) {
    this.out = requireNonNull(out, "out is null");
  }

  public long bytesWritten() {
    return bytesWritten + position;
  }

  public void writeShort(int value) {
    ensure(2);
    buffer[position++] = (byte) (value >>> 8);
    buffer[position++] = (byte) value;
  }

  public void writeInt(int value) {
    ensure(4);
    buffer[position++] = (byte) (value >>> 24);
    buffer[position++] = (byte) (value >>> 16);
    buffer[position++] = (byte) (value >>> 8);
    buffer[position++] = (byte) value;
  }

  public void writeLong(long value) {
    writeInt((int) (value >>> 32));
    writeInt((int) value);
  }

  public void writeByte(int value) {
    ensure(1);
    buffer[position++] = (byte) value;
  }

  public void writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  public void writeAscii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    writeBytes(bytes, 0, bytes.length);
  }

  /** Flushes the buffer to the stream once it holds a large chunk; call between rows. */
  public void maybeFlush() throws IOException {
    if (position >= FLUSH_AT) {
      flush();
    }
  }

  public void flush() throws IOException {
    out.write(buffer, 0, position);
    bytesWritten += position;
    position = 0;
  }

  private void ensure(int n) {
    if (buffer.length - position < n) {
      byte[] bigger = new byte[Math.max(buffer.length * 2, position + n)];
      System.arraycopy(buffer, 0, bigger, 0, position);
      buffer = bigger;
    }
  }

  /** Where the next byte goes; for back-patching a length written before its value. */
  public int position() {
    return position;
  }

  public void patchInt(int at, int value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }
}
