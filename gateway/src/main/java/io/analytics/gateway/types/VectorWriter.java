package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * A column writer over one vector whose validity bitmap says which rows are NULL. A writer is bound
 * to a batch already loaded, so a batch without NULLs (the common case) is known at once and its
 * rows are not checked one by one.
 */
abstract class VectorWriter extends ColumnWriter {
  protected final FieldVector vector;
  private final boolean noNulls;

  VectorWriter(FieldVector vector) {
    this.vector = vector;
    this.noNulls = vector.getNullCount() == 0;
  }

  @Override
  public boolean isNull(int row) {
    return !noNulls && vector.isNull(row);
  }

  @Override
  public void writeBinary(int row, ByteBuf out) {
    throw new IllegalStateException("binary output is not available for " + vector.getField());
  }
}
