package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/**
 * Writes the values of one Arrow vector (one column of one batch), without the length prefix. An
 * abstract class rather than an interface: the row loops call it once per value for every column
 * type, and a call through a class's vtable is cheaper than through an interface's itable.
 */
public abstract class ColumnWriter {
  public abstract boolean isNull(int row);

  public abstract void writeText(int row, ByteBuf out);

  public abstract void writeBinary(int row, ByteBuf out);

  /**
   * Every character this writer's text form can hold, or null when it may hold any: COPY does not
   * scan a column for the bytes it escapes or quotes when none of these characters is one of them.
   */
  public String textCharacters() {
    return null;
  }
}
