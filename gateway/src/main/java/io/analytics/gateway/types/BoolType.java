package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** boolean: text {@code t}/{@code f}, binary one byte. */
final class BoolType extends PgType {
  BoolType() {
    super(PgTypeRegistry.BOOL);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (!(vector instanceof BitVector bits)) {
      throw unsupportedVector(this, vector);
    }
    return new VectorWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        out.writeByte(bits.get(row) != 0 ? 't' : 'f');
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        out.writeByte(bits.get(row));
      }
    };
  }

  /** PostgreSQL's boolin: t/true/y/yes/on/1 and f/false/n/no/off/0, any case, unique prefixes. */
  @Override
  public Object decodeText(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (!value.isEmpty()) {
      if ("true".startsWith(value) || "yes".startsWith(value) || value.equals("on") || value.equals("1")) {
        return Boolean.TRUE;
      }
      if ("false".startsWith(value) || "no".startsWith(value) || (value.length() >= 2 && "off".startsWith(value))
          || value.equals("0")) {
        return Boolean.FALSE;
      }
    }
    throw InvalidInput.syntax("boolean", text);
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != 1) {
      throw badBinary(this);
    }
    return value.get() != 0;
  }
}
