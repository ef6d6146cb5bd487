package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.FieldVector;

/** int2, int4, int8 and oid: decimal text, big-endian binary of their width. */
final class IntegerType extends PgType {
  private final String sqlName;
  private final long min;
  private final long max;

  private IntegerType(PgTypeDefinition definition, long min, long max) {
    super(definition);
    this.sqlName = definition.sqlName();
    this.min = min;
    this.max = max;
  }

  static IntegerType int2() {
    return new IntegerType(PgTypeRegistry.INT2, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  static IntegerType int4() {
    return new IntegerType(PgTypeRegistry.INT4, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  static IntegerType int8() {
    return new IntegerType(PgTypeRegistry.INT8, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Object identifiers: unsigned 32-bit. */
  static IntegerType objectId() {
    return new IntegerType(PgTypeRegistry.OID, 0, 0xFFFF_FFFFL);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    LongReader reader = LongReader.of(vector);
    if (reader == null) {
      throw unsupportedVector(this, vector);
    }
    int width = typlen();
    return new VectorWriter(vector) {
      private final AsciiScratch text = new AsciiScratch();

      @Override
      public String textCharacters() {
        return "-0123456789";
      }

      @Override
      public void writeText(int row, ByteBuf out) {
        text.appendLong(reader.read(row));
        text.writeTo(out);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        long value = reader.read(row);
        switch (width) {
          case 2 -> out.writeShort((int) value);
          case 4 -> out.writeInt((int) value);
          default -> out.writeLong(value);
        }
      }
    };
  }

  @Override
  public Object decodeText(String text) {
    String value = text.strip();
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      if (value.matches("[+-]?\\d+")) {
        throw InvalidInput.outOfRange(sqlName, text);
      }
      throw InvalidInput.syntax(sqlName, text);
    }
    if (parsed < min || parsed > max) {
      throw InvalidInput.outOfRange(sqlName, text);
    }
    return box(parsed);
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != typlen()) {
      throw badBinary(this);
    }
    return switch (typlen()) {
      case 2 -> value.getShort();
      case 4 -> oid() == 26 ? Integer.toUnsignedLong(value.getInt()) : (Object) value.getInt();
      default -> value.getLong();
    };
  }

  private Object box(long value) {
    return switch (typlen()) {
      case 2 -> (short) value;
      case 4 -> oid() == 26 ? (Object) value : (Object) (int) value;
      default -> value;
    };
  }
}
