package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodec.scalarField;
import static io.analytics.engine.pgtypes.PgCodecs.precision;
import static io.analytics.engine.pgtypes.PgCodecs.scale;

import java.io.IOException;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Binary COPY codecs of boolean and the numeric types: bool, int2, int4, int8, float4, float8, numeric. */
final class NumberCodecs {
  private NumberCodecs() {}

  static final class Bool extends FixedWidthCodec {
    Bool() {
      super("boolean", "BOOLEAN", ArrowType.Bool.INSTANCE, 1);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((BitVector) vector).setSafe(row, in.readByte() != 0 ? 1 : 0);
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeByte(((BitVector) vector).get(row));
    }
  }

  static final class Int2 extends FixedWidthCodec {
    Int2() {
      super("int2", "SMALLINT", new ArrowType.Int(16, true), 2);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((SmallIntVector) vector).setSafe(row, in.readShort());
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeShort(((SmallIntVector) vector).get(row));
    }
  }

  static final class Int4 extends FixedWidthCodec {
    Int4() {
      super("int4", "INTEGER", new ArrowType.Int(32, true), 4);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((IntVector) vector).setSafe(row, in.readInt());
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeInt(((IntVector) vector).get(row));
    }
  }

  static final class Int8 extends FixedWidthCodec {
    Int8() {
      super("int8", "BIGINT", new ArrowType.Int(64, true), 8);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((BigIntVector) vector).setSafe(row, in.readLong());
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeLong(((BigIntVector) vector).get(row));
    }
  }

  static final class Float4 extends FixedWidthCodec {
    Float4() {
      super("float4", "FLOAT", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), 4);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((Float4Vector) vector).setSafe(row, Float.intBitsToFloat(in.readInt()));
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeInt(Float.floatToRawIntBits(((Float4Vector) vector).get(row)));
    }
  }

  static final class Float8 extends FixedWidthCodec {
    Float8() {
      super("float8", "DOUBLE", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), 8);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((Float8Vector) vector).setSafe(row, Double.longBitsToDouble(in.readLong()));
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeLong(Double.doubleToRawLongBits(((Float8Vector) vector).get(row)));
    }
  }

  static final class Numeric implements PgCodec {
    public String pgType(int typmod) {
      return "numeric(" + precision(typmod) + "," + scale(typmod) + ")";
    }

    public String duckDbType(int typmod) {
      return "DECIMAL(" + precision(typmod) + "," + scale(typmod) + ")";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Decimal(precision(typmod), scale(typmod), 128));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      DecimalVector decimal = (DecimalVector) vector;
      BigDecimal value;
      try {
        value = PgNumeric.read(in, decimal.getScale());
      } catch (ArithmeticException e) {
        throw new IOException("numeric value " + e.getMessage() + " has no DECIMAL equivalent");
      }
      if (value.precision() > decimal.getPrecision()) {
        throw new IOException("numeric value " + value + " does not fit DECIMAL(" + decimal.getPrecision() + ","
            + decimal.getScale() + ")");
      }
      decimal.setSafe(row, value);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      DecimalVector decimal = (DecimalVector) vector;
      ArrowBuf data = decimal.getDataBuffer();
      long offset = (long) row * DecimalVector.TYPE_WIDTH;
      long low = data.getLong(offset);
      long high = data.getLong(offset + 8);
      if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
        PgNumeric.write(out, low, decimal.getScale());
      } else {
        PgNumeric.write(out, decimal.getObject(row).unscaledValue(), decimal.getScale());
      }
    }
  }
}
