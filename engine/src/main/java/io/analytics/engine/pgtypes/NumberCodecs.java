package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodec.scalarField;
import static io.analytics.engine.pgtypes.PgCodecs.expectLength;
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

  static final class Bool implements PgCodec {
    public String pgType(int typmod) {
      return "boolean";
    }

    public String duckDbType(int typmod) {
      return "BOOLEAN";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Bool.INSTANCE);
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("boolean", length, 1);
      ((BitVector) vector).setSafe(row, in.readByte() != 0 ? 1 : 0);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(1);
      out.writeByte(((BitVector) vector).get(row));
    }
  }

  static final class Int2 implements PgCodec {
    public String pgType(int typmod) {
      return "int2";
    }

    public String duckDbType(int typmod) {
      return "SMALLINT";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Int(16, true));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("int2", length, 2);
      ((SmallIntVector) vector).setSafe(row, in.readShort());
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(2);
      out.writeShort(((SmallIntVector) vector).get(row));
    }
  }

  static final class Int4 implements PgCodec {
    public String pgType(int typmod) {
      return "int4";
    }

    public String duckDbType(int typmod) {
      return "INTEGER";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Int(32, true));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("int4", length, 4);
      ((IntVector) vector).setSafe(row, in.readInt());
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(4);
      out.writeInt(((IntVector) vector).get(row));
    }
  }

  static final class Int8 implements PgCodec {
    public String pgType(int typmod) {
      return "int8";
    }

    public String duckDbType(int typmod) {
      return "BIGINT";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Int(64, true));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("int8", length, 8);
      ((BigIntVector) vector).setSafe(row, in.readLong());
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(8);
      out.writeLong(((BigIntVector) vector).get(row));
    }
  }

  static final class Float4 implements PgCodec {
    public String pgType(int typmod) {
      return "float4";
    }

    public String duckDbType(int typmod) {
      return "FLOAT";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("float4", length, 4);
      ((Float4Vector) vector).setSafe(row, Float.intBitsToFloat(in.readInt()));
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(4);
      out.writeInt(Float.floatToRawIntBits(((Float4Vector) vector).get(row)));
    }
  }

  static final class Float8 implements PgCodec {
    public String pgType(int typmod) {
      return "float8";
    }

    public String duckDbType(int typmod) {
      return "DOUBLE";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("float8", length, 8);
      ((Float8Vector) vector).setSafe(row, Double.longBitsToDouble(in.readLong()));
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(8);
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
