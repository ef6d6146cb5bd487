package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.PgNumeric;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;

/**
 * numeric: DuckDB DECIMAL(p,s) printed with its full scale ({@code 12.3400}) like PostgreSQL's
 * numeric(p,s); also HUGEINT and UBIGINT, which no PostgreSQL integer type holds.
 */
final class NumericType extends PgType {
  NumericType() {
    super(PgTypeRegistry.NUMERIC);
  }

  /** The typmod PostgreSQL stores for numeric(precision, scale). */
  static int typmod(int precision, int scale) {
    return PgTypeRegistry.numericTypmod(precision, scale);
  }

  @Override
  public String formatType(int typmod) {
    if (typmod < 4) {
      return "numeric";
    }
    int packed = typmod - 4;
    return "numeric(" + (packed >> 16) + "," + (packed & 0xFFFF) + ")";
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (vector instanceof DecimalVector decimals && decimals.getPrecision() <= 18 && decimals.getScale() >= 0) {
      return new SmallDecimalWriter(decimals);
    }
    if (vector instanceof DecimalVector decimals) {
      return new BigDecimalWriter(vector, decimals::getObject);
    }
    if (vector instanceof Decimal256Vector decimals) {
      return new BigDecimalWriter(vector, decimals::getObject);
    }
    if (vector instanceof UInt8Vector unsigned) {
      return new BigDecimalWriter(vector, row -> new BigDecimal(new BigInteger(Long.toUnsignedString(unsigned.get(row)))));
    }
    LongReader integers = LongReader.of(vector);
    if (integers != null) {
      return new BigDecimalWriter(vector, row -> BigDecimal.valueOf(integers.read(row)));
    }
    throw unsupportedVector(this, vector);
  }

  /** Decimals of up to 18 digits fit a long: print them from the unscaled value without BigDecimal. */
  private static final class SmallDecimalWriter extends VectorWriter {
    private final DecimalVector decimals;
    private final int scale;
    private final long divisor;
    private final AsciiScratch text = new AsciiScratch();
    private final short[] groups = new short[PgNumeric.MAX_SMALL_GROUPS];

    @Override
    public String textCharacters() {
      return "-.0123456789";
    }

    /** One sink per writer instead of a new {@code out::writeShort} per value. */
    private final BufferSink sink = new BufferSink();

    SmallDecimalWriter(DecimalVector decimals) {
      super(decimals);
      this.decimals = decimals;
      this.scale = decimals.getScale();
      this.divisor = pow10(scale);
    }

    @Override
    public void writeText(int row, ByteBuf out) {
      long unscaled = decimals.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
      if (unscaled < 0) {
        text.append('-');
        unscaled = -unscaled;
      }
      if (scale == 0) {
        text.appendUnsigned(unscaled);
      } else {
        text.appendUnsigned(unscaled / divisor);
        text.append('.');
        text.appendPadded(unscaled % divisor, scale);
      }
      text.writeTo(out);
    }

    @Override
    public void writeBinary(int row, ByteBuf out) {
      long unscaled = decimals.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
      sink.target = out;
      PgNumeric.write(sink, unscaled, scale, groups);
    }

    private static long pow10(int exponent) {
      long result = 1;
      for (int i = 0; i < exponent; i++) {
        result *= 10;
      }
      return result;
    }
  }

  /** Writes numeric's int16s into the buffer of the value being written. */
  private static final class BufferSink implements PgNumeric.ShortSink {
    private ByteBuf target;

    @Override
    public void writeShort(int value) {
      target.writeShort(value);
    }
  }

  @FunctionalInterface
  private interface DecimalReader {
    BigDecimal read(int row);
  }

  private static final class BigDecimalWriter extends VectorWriter {
    private final DecimalReader reader;

    BigDecimalWriter(FieldVector vector, DecimalReader reader) {
      super(vector);
      this.reader = reader;
    }

    @Override
    public void writeText(int row, ByteBuf out) {
      out.writeCharSequence(reader.read(row).toPlainString(), StandardCharsets.US_ASCII);
    }

    @Override
    public void writeBinary(int row, ByteBuf out) {
      PgNumeric.write(out::writeShort, reader.read(row));
    }
  }

  @Override
  public Object decodeText(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw InvalidInput.syntax("numeric", text);
    }
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() < 8) {
      throw badBinary(this);
    }
    try {
      return PgNumeric.read(value::getShort, -1);
    } catch (ArithmeticException e) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "numeric " + e.getMessage() + " is not supported by DuckDB decimals");
    }
  }
}
