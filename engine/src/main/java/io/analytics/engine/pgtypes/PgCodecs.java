package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodec.scalarField;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The PostgreSQL types the platform reads and writes natively in binary COPY, by OID; the one
 * registry both the mirror reader and the exporter use. Numeric without a precision is mirrored as
 * DECIMAL(38,10); numeric with a precision over 38, and every type not listed here, is read through
 * its text form as VARCHAR and reported.
 */
public final class PgCodecs {
  /** Microseconds between 1970-01-01 (Arrow, DuckDB) and 2000-01-01 (PostgreSQL). */
  public static final long EPOCH_MICROS = 946_684_800_000_000L;
  public static final int EPOCH_DAYS = 10_957;
  public static final int UNCONSTRAINED_PRECISION = 38;
  public static final int UNCONSTRAINED_SCALE = 10;

  private static final Map<Integer, PgCodec> BY_OID = new HashMap<>();
  private static final Map<Integer, Integer> ARRAY_OIDS = new HashMap<>();

  static {
    register(16, 1000, new Bool());
    register(21, 1005, new Int2());
    register(23, 1007, new Int4());
    register(20, 1016, new Int8());
    register(700, 1021, new Float4());
    register(701, 1022, new Float8());
    register(1700, 1231, new Numeric());
    register(25, 1009, new TextCodec("text", "VARCHAR", false));
    register(1043, 1015, new TextCodec("varchar", "VARCHAR", false));
    register(1042, 1014, new TextCodec("bpchar", "VARCHAR", false));
    register(19, 1003, new TextCodec("name", "VARCHAR", false));
    register(114, 199, new TextCodec("json", "JSON", false));
    register(3802, 3807, new TextCodec("jsonb", "JSON", true));
    register(2950, 2951, new Uuid());
    register(17, 1001, new Bytea());
    register(1082, 1182, new Date());
    register(1083, 1183, new Time());
    register(1114, 1115, new Timestamp(false));
    register(1184, 1185, new Timestamp(true));
    register(1186, 1187, new Interval());
  }

  private PgCodecs() {}

  private static void register(int oid, int arrayOid, PgCodec codec) {
    BY_OID.put(oid, codec);
    BY_OID.put(arrayOid, new Array(codec, oid));
    ARRAY_OIDS.put(oid, arrayOid);
  }

  /** The codec for a type OID, if it is one the platform handles natively. */
  public static Optional<PgCodec> forOid(int oid, int typmod) {
    PgCodec codec = BY_OID.get(oid);
    if (codec instanceof Numeric && typmod >= 4 && precision(typmod) > UNCONSTRAINED_PRECISION) {
      return Optional.empty();
    }
    return Optional.ofNullable(codec);
  }

  /** The codec used for values read through their text form. */
  public static PgCodec text() {
    return BY_OID.get(25);
  }

  /** The codec for a PostgreSQL type OID as written by the exporter, or empty. */
  public static Optional<PgCodec> exact(int oid) {
    return Optional.ofNullable(BY_OID.get(oid));
  }

  /** The array codec for an element type OID. */
  public static Optional<PgCodec> arrayOf(int elementOid) {
    Integer arrayOid = ARRAY_OIDS.get(elementOid);
    return arrayOid == null ? Optional.empty() : Optional.ofNullable(BY_OID.get(arrayOid));
  }

  public static int precision(int typmod) {
    return typmod < 4 ? UNCONSTRAINED_PRECISION : ((typmod - 4) >> 16) & 0xffff;
  }

  public static int scale(int typmod) {
    return typmod < 4 ? UNCONSTRAINED_SCALE : (typmod - 4) & 0xffff;
  }

  public static int numericTypmod(int precision, int scale) {
    return ((precision << 16) | scale) + 4;
  }

  /** Marks a value null, for vectors of any width. */
  public static void setNull(FieldVector vector, int row) {
    if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(row);
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.setNull(row);
    } else if (vector instanceof ListVector list) {
      list.setNull(row);
    } else {
      throw new IllegalStateException("cannot set null in " + vector.getClass().getSimpleName());
    }
  }

  private static void expectLength(String type, int length, int expected) throws IOException {
    if (length != expected) {
      throw new IOException("a " + type + " value of " + length + " bytes (expected " + expected + ")");
    }
  }

  private static final class Bool implements PgCodec {
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

  private static final class Int2 implements PgCodec {
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

  private static final class Int4 implements PgCodec {
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

  private static final class Int8 implements PgCodec {
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

  private static final class Float4 implements PgCodec {
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

  private static final class Float8 implements PgCodec {
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

  private static final class Numeric implements PgCodec {
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

  private static final class TextCodec implements PgCodec {
    private final String pgName;
    private final String duckDbName;
    private final boolean jsonbVersionByte;

    TextCodec(String pgName, String duckDbName, boolean jsonbVersionByte) {
      this.pgName = pgName;
      this.duckDbName = duckDbName;
      this.jsonbVersionByte = jsonbVersionByte;
    }

    public String pgType(int typmod) {
      return pgName.equals("bpchar") || pgName.equals("name") ? "text" : pgName;
    }

    public String duckDbType(int typmod) {
      return duckDbName;
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Utf8.INSTANCE);
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      if (jsonbVersionByte) {
        byte version = in.readByte();
        if (version != 1) {
          throw new IOException("jsonb binary version " + version + " is not supported");
        }
        length--;
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes, length);
      ((VarCharVector) vector).setSafe(row, bytes, 0, length);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      byte[] bytes = textBytes(vector, row);
      if (jsonbVersionByte) {
        out.writeInt(bytes.length + 1);
        out.writeByte(1);
      } else {
        out.writeInt(bytes.length);
      }
      out.writeBytes(bytes, 0, bytes.length);
    }
  }

  /** UTF-8 bytes of a string-like Arrow value (DuckDB exports VARCHAR, JSON and UUID as Utf8). */
  public static byte[] textBytes(FieldVector vector, int row) {
    if (vector instanceof VarCharVector varchar) {
      return varchar.get(row);
    }
    Object value = vector.getObject(row);
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  private static final class Uuid implements PgCodec {
    public String pgType(int typmod) {
      return "uuid";
    }

    public String duckDbType(int typmod) {
      return "UUID";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Utf8.INSTANCE);
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("uuid", length, 16);
      UUID uuid = new UUID(in.readLong(), in.readLong());
      ((VarCharVector) vector).setSafe(row, uuid.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      UUID uuid = UUID.fromString(new String(textBytes(vector, row), StandardCharsets.US_ASCII));
      out.writeInt(16);
      out.writeLong(uuid.getMostSignificantBits());
      out.writeLong(uuid.getLeastSignificantBits());
    }
  }

  private static final class Bytea implements PgCodec {
    public String pgType(int typmod) {
      return "bytea";
    }

    public String duckDbType(int typmod) {
      return "BLOB";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Binary.INSTANCE);
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      byte[] bytes = new byte[length];
      in.readFully(bytes, length);
      ((VarBinaryVector) vector).setSafe(row, bytes, 0, length);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      byte[] bytes = vector instanceof VarBinaryVector binary ? binary.get(row) : (byte[]) vector.getObject(row);
      out.writeInt(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
    }
  }

  private static final class Date implements PgCodec {
    public String pgType(int typmod) {
      return "date";
    }

    public String duckDbType(int typmod) {
      return "DATE";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Date(DateUnit.DAY));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("date", length, 4);
      int days = in.readInt();
      // PostgreSQL's +-infinity are the int extremes, as are DuckDB's.
      int unix = days == Integer.MAX_VALUE || days == Integer.MIN_VALUE + 1 || days == Integer.MIN_VALUE
          ? (days == Integer.MAX_VALUE ? Integer.MAX_VALUE : -Integer.MAX_VALUE) : days + EPOCH_DAYS;
      ((DateDayVector) vector).setSafe(row, unix);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      int days = ((DateDayVector) vector).get(row);
      out.writeInt(4);
      out.writeInt(days == Integer.MAX_VALUE ? Integer.MAX_VALUE
          : days == -Integer.MAX_VALUE ? Integer.MIN_VALUE : days - EPOCH_DAYS);
    }
  }

  private static final class Time implements PgCodec {
    public String pgType(int typmod) {
      return "time";
    }

    public String duckDbType(int typmod) {
      return "TIME";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Time(TimeUnit.MICROSECOND, 64));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("time", length, 8);
      ((TimeMicroVector) vector).setSafe(row, in.readLong());
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      out.writeInt(8);
      out.writeLong(((TimeMicroVector) vector).get(row));
    }
  }

  private static final class Timestamp implements PgCodec {
    private final boolean withZone;

    Timestamp(boolean withZone) {
      this.withZone = withZone;
    }

    public String pgType(int typmod) {
      return withZone ? "timestamptz" : "timestamp";
    }

    public String duckDbType(int typmod) {
      return withZone ? "TIMESTAMPTZ" : "TIMESTAMP";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Timestamp(TimeUnit.MICROSECOND, withZone ? "UTC" : null));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength(pgType(-1), length, 8);
      long micros = in.readLong();
      long unix = micros == Long.MAX_VALUE ? Long.MAX_VALUE
          : micros == Long.MIN_VALUE ? -Long.MAX_VALUE : micros + EPOCH_MICROS;
      if (withZone) {
        ((TimeStampMicroTZVector) vector).setSafe(row, unix);
      } else {
        ((TimeStampMicroVector) vector).setSafe(row, unix);
      }
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      long unix = withZone ? ((TimeStampMicroTZVector) vector).get(row) : ((TimeStampMicroVector) vector).get(row);
      out.writeInt(8);
      out.writeLong(unix == Long.MAX_VALUE ? Long.MAX_VALUE
          : unix == -Long.MAX_VALUE ? Long.MIN_VALUE : unix - EPOCH_MICROS);
    }
  }

  private static final class Interval implements PgCodec {
    public String pgType(int typmod) {
      return "interval";
    }

    public String duckDbType(int typmod) {
      return "INTERVAL";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("interval", length, 16);
      long micros = in.readLong();
      int days = in.readInt();
      int months = in.readInt();
      ((IntervalMonthDayNanoVector) vector).setSafe(row, months, days, Math.multiplyExact(micros, 1000L));
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      IntervalMonthDayNanoVector interval = (IntervalMonthDayNanoVector) vector;
      ArrowBuf data = interval.getDataBuffer();
      long offset = (long) row * IntervalMonthDayNanoVector.TYPE_WIDTH;
      int months = data.getInt(offset);
      int days = data.getInt(offset + 4);
      long nanos = data.getLong(offset + 8);
      out.writeInt(16);
      out.writeLong(nanos / 1000);
      out.writeInt(days);
      out.writeInt(months);
    }
  }

  /** One-dimensional arrays of a supported element type; DuckDB LIST. */
  private static final class Array implements PgCodec {
    private final PgCodec element;
    private final int elementOid;

    Array(PgCodec element, int elementOid) {
      this.element = element;
      this.elementOid = elementOid;
    }

    public String pgType(int typmod) {
      return element.pgType(typmod) + "[]";
    }

    public String duckDbType(int typmod) {
      return element.duckDbType(typmod) + "[]";
    }

    public Field field(String name, int typmod) {
      return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element.field("element", typmod)));
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      ListVector list = (ListVector) vector;
      int dimensions = in.readInt();
      in.readInt(); // has-nulls flag: each element says so itself
      in.readInt(); // element OID
      if (dimensions > 1) {
        throw new IOException("multi-dimensional arrays are not supported (a value has " + dimensions + " dimensions)");
      }
      int count = 0;
      if (dimensions == 1) {
        count = in.readInt();
        in.readInt(); // lower bound
      }
      int start = list.startNewValue(row);
      FieldVector values = list.getDataVector();
      for (int i = 0; i < count; i++) {
        int elementLength = in.readInt();
        if (elementLength < 0) {
          setNull(values, start + i);
        } else {
          element.read(in, elementLength, values, start + i);
        }
      }
      list.endValue(row, count);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      ListVector list = (ListVector) vector;
      FieldVector values = list.getDataVector();
      int start = list.getElementStartIndex(row);
      int end = list.getElementEndIndex(row);
      int lengthAt = out.position();
      out.writeInt(0);
      int begin = out.position();
      boolean hasNulls = false;
      for (int i = start; i < end; i++) {
        hasNulls |= values.isNull(i);
      }
      out.writeInt(end > start ? 1 : 0);
      out.writeInt(hasNulls ? 1 : 0);
      out.writeInt(elementOid);
      if (end > start) {
        out.writeInt(end - start);
        out.writeInt(1);
      }
      for (int i = start; i < end; i++) {
        if (values.isNull(i)) {
          out.writeInt(-1);
        } else {
          element.write(values, i, out);
        }
      }
      out.patchInt(lengthAt, out.position() - begin);
    }
  }
}
