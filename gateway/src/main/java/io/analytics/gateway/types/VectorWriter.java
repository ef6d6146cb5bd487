package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/** A column writer over one vector whose validity bitmap says which rows are NULL. */
abstract class VectorWriter implements ColumnWriter {
  protected final FieldVector vector;

  VectorWriter(FieldVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  public void writeBinary(int row, ByteBuf out) {
    throw new IllegalStateException("binary output is not available for " + vector.getField());
  }
}
