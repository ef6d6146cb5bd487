package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Binds result columns to the writers of their PostgreSQL types, batch by batch. */
public final class ColumnWriters {
  private ColumnWriters() {}

  public static ColumnWriter bind(ColumnType columnType, FieldVector vector, DictionaryProvider dictionaries, SessionFormat format) {
    EncodingContext context = new EncodingContext(dictionaries, format);
    try {
      return DeclaredLengthWriter.of(columnType, columnType.type().writer(vector, context));
    } catch (VectorMismatchException e) {
      return new TextOnly(naturalType(vector).writer(vector, context));
    }
  }

  /** Whether the column can be sent in binary; when not, the gateway sends text and says so in RowDescription. */
  public static boolean supportsBinary(ColumnType columnType) {
    return columnType.type().binaryOutput();
  }

  /** The PostgreSQL type an Arrow vector's values naturally have, whatever was described. */
  static PgType naturalType(FieldVector vector) {
    if (vector.getField().getDictionary() != null || vector instanceof org.apache.arrow.vector.NullVector) {
      return PgTypes.TEXT;
    }
    if (vector instanceof BitVector) {
      return PgTypes.BOOL;
    } else if (vector instanceof TinyIntVector || vector instanceof SmallIntVector || vector instanceof UInt1Vector) {
      return PgTypes.INT2;
    } else if (vector instanceof IntVector || vector instanceof UInt2Vector) {
      return PgTypes.INT4;
    } else if (vector instanceof BigIntVector || vector instanceof UInt4Vector) {
      return PgTypes.INT8;
    } else if (vector instanceof UInt8Vector || vector instanceof DecimalVector || vector instanceof Decimal256Vector) {
      return PgTypes.NUMERIC;
    } else if (vector instanceof Float4Vector) {
      return PgTypes.FLOAT4;
    } else if (vector instanceof Float8Vector) {
      return PgTypes.FLOAT8;
    } else if (vector instanceof VarBinaryVector) {
      return PgTypes.BYTEA;
    } else if (vector instanceof DateDayVector) {
      return PgTypes.DATE;
    } else if (vector instanceof TimeMicroVector || vector instanceof TimeNanoVector || vector instanceof TimeMilliVector
        || vector instanceof TimeSecVector) {
      return PgTypes.TIME;
    } else if (vector instanceof TimeStampVector) {
      return ((ArrowType.Timestamp) vector.getField().getType()).getTimezone() == null ? PgTypes.TIMESTAMP : PgTypes.TIMESTAMPTZ;
    } else if (vector instanceof IntervalMonthDayNanoVector) {
      return PgTypes.INTERVAL;
    } else if (vector instanceof ListVector || vector instanceof LargeListVector || vector instanceof FixedSizeListVector) {
      PgType element = naturalType(ListRange.of(vector).elements());
      return element.arrayOid() != 0 || element instanceof ArrayType ? ArrayType.of(element) : PgTypes.JSON;
    } else if (VariableWidthBytes.of(vector) != null) {
      return PgTypes.TEXT;
    }
    return PgTypes.JSON;
  }

  /** Sends a column's text form in either format: right for a column described as text. */
  private static final class TextOnly extends ColumnWriter {
    private final ColumnWriter writer;

    TextOnly(ColumnWriter writer) {
      this.writer = java.util.Objects.requireNonNull(writer, "writer is null");
    }

    @Override
    public boolean isNull(int row) {
      return writer.isNull(row);
    }

    @Override
    public void writeText(int row, ByteBuf out) {
      writer.writeText(row, out);
    }

    @Override
    public void writeBinary(int row, ByteBuf out) {
      writer.writeText(row, out);
    }
  }
}
