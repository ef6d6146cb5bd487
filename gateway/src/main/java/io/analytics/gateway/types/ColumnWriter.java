package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/** Writes the values of one Arrow vector (one column of one batch), without the length prefix. */
public interface ColumnWriter {
  boolean isNull(int row);

  void writeText(int row, ByteBuf out);

  void writeBinary(int row, ByteBuf out);
}
