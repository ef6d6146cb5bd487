package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/** Writes the values of one Arrow vector (one column of one batch), without the length prefix. */
public interface ColumnWriter {
  boolean isNull(int row);

  void writeText(int row, ByteBuf out);

  void writeBinary(int row, ByteBuf out);

  /**
   * Every character this writer's text form can hold, or null when it may hold any: COPY does not
   * scan a column for the bytes it escapes or quotes when none of these characters is one of them.
   */
  default String textCharacters() {
    return null;
  }
}
