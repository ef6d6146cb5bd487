package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;

/** uuid: DuckDB exports it as its canonical text, sent as is; binary is the 16 bytes. */
final class UuidType extends PgType {
  UuidType() {
    super(PgTypeRegistry.UUID);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    VariableWidthBytes text = VariableWidthBytes.of(vector);
    if (text == null) {
      throw unsupportedVector(this, vector);
    }
    return new TextType.BytesWriter(vector, text) {
      @Override
      public void writeBinary(int row, ByteBuf out) {
        byte[] chars = text.get(row);
        long high = 0;
        long low = 0;
        int nibbles = 0;
        for (byte c : chars) {
          if (c == '-') {
            continue;
          }
          int digit = Character.digit(c, 16);
          if (nibbles < 16) {
            high = high << 4 | digit;
          } else {
            low = low << 4 | digit;
          }
          nibbles++;
        }
        out.writeLong(high).writeLong(low);
      }
    };
  }

  @Override
  public Object decodeText(String text) {
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidInput.syntax("uuid", text);
    }
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != 16) {
      throw badBinary(this);
    }
    return new UUID(value.getLong(), value.getLong());
  }
}
