package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

/**
 * Copies the bytes of a string or binary value out of an Arrow vector. For the common 32-bit
 * offset vectors it reads the data buffer directly through one reused scratch array, so a column
 * of strings costs no allocation per value.
 */
final class VariableWidthBytes {
  private final BaseVariableWidthVector direct;
  private final VariableWidthFieldVector general;
  private byte[] scratch = new byte[256];

  private VariableWidthBytes(BaseVariableWidthVector direct, VariableWidthFieldVector general) {
    this.direct = direct;
    this.general = general;
  }

  /** A reader for the vector, or null when it is not a variable-width string or binary vector. */
  static VariableWidthBytes of(FieldVector vector) {
    if (vector instanceof BaseVariableWidthVector v) {
      return new VariableWidthBytes(v, null);
    }
    if (vector instanceof VariableWidthFieldVector v) {
      return new VariableWidthBytes(null, v);
    }
    return null;
  }

  int length(int row) {
    if (direct != null) {
      return direct.getValueLength(row);
    }
    return general.get(row).length;
  }

  void copy(int row, ByteBuf out) {
    if (direct == null) {
      out.writeBytes(general.get(row));
      return;
    }
    ArrowBuf offsets = direct.getOffsetBuffer();
    int start = offsets.getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
    int end = offsets.getInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
    int length = end - start;
    if (out.hasArray()) {
      // Straight from Arrow's memory into the buffer's array: one copy, no scratch.
      out.ensureWritable(length);
      direct.getDataBuffer().getBytes(start, out.array(), out.arrayOffset() + out.writerIndex(), length);
      out.writerIndex(out.writerIndex() + length);
      return;
    }
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    direct.getDataBuffer().getBytes(start, scratch, 0, length);
    out.writeBytes(scratch, 0, length);
  }

  /** The value's bytes as a new array (for the slower paths: binary UUIDs, bit strings). */
  byte[] get(int row) {
    return direct != null ? direct.get(row) : general.get(row);
  }
}
