package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.FieldVector;

/**
 * varbit ("bit varying"), for DuckDB's BIT. DuckDB exports a bit string as bytes whose first byte
 * counts the padding bits at the start of the second; text is the bits as {@code 0}/{@code 1}.
 */
final class BitType extends PgType {
  BitType() {
    super(PgTypeRegistry.VARBIT);
  }

  @Override
  public boolean binaryOutput() {
    return false;
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    VariableWidthBytes bytes = VariableWidthBytes.of(vector);
    if (bytes == null) {
      throw unsupportedVector(this, vector);
    }
    return new VectorWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        byte[] value = bytes.get(row);
        int padding = value.length == 0 ? 0 : value[0];
        for (int bit = padding; bit < (value.length - 1) * 8; bit++) {
          int b = value[1 + bit / 8];
          out.writeByte((b >> (7 - bit % 8) & 1) == 1 ? '1' : '0');
        }
      }
    };
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    throw badBinary(this);
  }
}
