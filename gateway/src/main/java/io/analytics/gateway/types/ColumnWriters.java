package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/** Creates ColumnWriters (temporary stand-in: text via getObject). */
public final class ColumnWriters {
  private ColumnWriters() {}

  public static ColumnWriter bind(ColumnType columnType, FieldVector vector, DictionaryProvider dictionaries, SessionFormat format) {
    return new ColumnWriter() {
      @Override
      public boolean isNull(int row) {
        return vector.isNull(row);
      }

      @Override
      public void writeText(int row, ByteBuf out) {
        Object value = vector.getObject(row);
        out.writeCharSequence(value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value), StandardCharsets.UTF_8);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        throw new UnsupportedOperationException("binary output is not available yet");
      }
    };
  }

  public static boolean supportsBinary(ColumnType columnType) {
    return false;
  }
}
