package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * The string types (text, varchar, bpchar, name, "char"): UTF-8 bytes in both formats. Also what
 * DuckDB ENUMs (dictionary-encoded) and untyped NULL columns are sent as.
 */
final class TextType extends PgType {
  private TextType(PgTypeDefinition definition) {
    super(definition);
  }

  static TextType text() {
    return new TextType(PgTypeRegistry.TEXT);
  }

  static TextType varchar() {
    return new TextType(PgTypeRegistry.VARCHAR);
  }

  static TextType bpchar() {
    return new TextType(PgTypeRegistry.BPCHAR);
  }

  static TextType identifier() {
    return new TextType(PgTypeRegistry.NAME);
  }

  static TextType singleChar() {
    return new TextType(PgTypeRegistry.CHAR);
  }

  /** The pseudo-type of untyped literals; clients only see it in parameter descriptions. */
  static TextType unknown() {
    return new TextType(PgTypeRegistry.UNKNOWN);
  }

  @Override
  public String formatType(int typmod) {
    if (typmod >= 4 && (oid() == 1043 || oid() == 1042)) {
      return super.formatType(typmod) + "(" + (typmod - 4) + ")";
    }
    return super.formatType(typmod);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (vector instanceof NullVector) {
      return new AlwaysNull(vector);
    }
    DictionaryEncoding encoding = vector.getField().getDictionary();
    if (encoding != null) {
      return dictionaryWriter(vector, encoding, context);
    }
    VariableWidthBytes bytes = VariableWidthBytes.of(vector);
    if (bytes == null) {
      throw unsupportedVector(this, vector);
    }
    return new BytesWriter(vector, bytes);
  }

  private ColumnWriter dictionaryWriter(FieldVector indices, DictionaryEncoding encoding, EncodingContext context) {
    Dictionary dictionary = context.dictionaries().lookup(encoding.getId());
    LongReader index = LongReader.of(indices);
    VariableWidthBytes values = dictionary == null ? null : VariableWidthBytes.of(dictionary.getVector());
    if (index == null || values == null) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "ENUM column arrived without its dictionary");
    }
    return new VectorWriter(indices) {
      @Override
      public void writeText(int row, ByteBuf out) {
        values.copy((int) index.read(row), out);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        values.copy((int) index.read(row), out);
      }
    };
  }

  /** Copies UTF-8 bytes as they are, in text and in binary alike. */
  static class BytesWriter extends VectorWriter {
    private final VariableWidthBytes bytes;

    BytesWriter(FieldVector vector, VariableWidthBytes bytes) {
      super(vector);
      this.bytes = bytes;
    }

    @Override
    public void writeText(int row, ByteBuf out) {
      bytes.copy(row, out);
    }

    @Override
    public void writeBinary(int row, ByteBuf out) {
      bytes.copy(row, out);
    }
  }

  private static final class AlwaysNull extends VectorWriter {
    AlwaysNull(FieldVector vector) {
      super(vector);
    }

    @Override
    public boolean isNull(int row) {
      return true;
    }

    @Override
    public void writeText(int row, ByteBuf out) {
      throw new IllegalStateException("a NULL column has no values");
    }
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    return StandardCharsets.UTF_8.decode(value).toString();
  }
}
