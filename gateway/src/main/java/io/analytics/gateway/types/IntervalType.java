package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;

/** interval: text in the "postgres" IntervalStyle; binary int64 microseconds, int32 days, int32 months. */
final class IntervalType extends PgType {
  IntervalType() {
    super(PgTypeRegistry.INTERVAL);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (!(vector instanceof IntervalMonthDayNanoVector intervals)) {
      throw unsupportedVector(this, vector);
    }
    return new VectorWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        ArrowBuf data = intervals.getDataBuffer();
        String text = IntervalText.format(
            IntervalMonthDayNanoVector.getMonths(data, row),
            IntervalMonthDayNanoVector.getDays(data, row),
            IntervalMonthDayNanoVector.getNanoseconds(data, row) / 1000);
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        ArrowBuf data = intervals.getDataBuffer();
        out.writeLong(IntervalMonthDayNanoVector.getNanoseconds(data, row) / 1000);
        out.writeInt(IntervalMonthDayNanoVector.getDays(data, row));
        out.writeInt(IntervalMonthDayNanoVector.getMonths(data, row));
      }
    };
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != 16) {
      throw badBinary(this);
    }
    long micros = value.getLong();
    int days = value.getInt();
    int months = value.getInt();
    return months + " months " + days + " days " + micros + " microseconds";
  }
}
