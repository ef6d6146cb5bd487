package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodecs.EPOCH_DAYS;
import static io.analytics.engine.pgtypes.PgCodecs.EPOCH_MICROS;

import java.io.IOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Binary COPY codecs of the date and time types, converting between PostgreSQL's 2000-01-01 epoch and Arrow's 1970-01-01. */
final class TimeCodecs {
  private TimeCodecs() {}

  static final class Date extends FixedWidthCodec {
    Date() {
      super("date", "DATE", new ArrowType.Date(DateUnit.DAY), 4);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      int days = in.readInt();
      // PostgreSQL's +-infinity are the int extremes, as are DuckDB's.
      int unix = days == Integer.MAX_VALUE || days == Integer.MIN_VALUE + 1 || days == Integer.MIN_VALUE
          ? (days == Integer.MAX_VALUE ? Integer.MAX_VALUE : -Integer.MAX_VALUE) : days + EPOCH_DAYS;
      ((DateDayVector) vector).setSafe(row, unix);
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      int days = ((DateDayVector) vector).get(row);
      out.writeInt(days == Integer.MAX_VALUE ? Integer.MAX_VALUE
          : days == -Integer.MAX_VALUE ? Integer.MIN_VALUE : days - EPOCH_DAYS);
    }
  }

  static final class Time extends FixedWidthCodec {
    Time() {
      super("time", "TIME", new ArrowType.Time(TimeUnit.MICROSECOND, 64), 8);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      ((TimeMicroVector) vector).setSafe(row, in.readLong());
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      out.writeLong(((TimeMicroVector) vector).get(row));
    }
  }

  static final class Timestamp extends FixedWidthCodec {
    private final boolean withZone;

    Timestamp(boolean withZone) {
      super(withZone ? "timestamptz" : "timestamp", withZone ? "TIMESTAMPTZ" : "TIMESTAMP",
          new ArrowType.Timestamp(TimeUnit.MICROSECOND, withZone ? "UTC" : null), 8);
      this.withZone = withZone;
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      long micros = in.readLong();
      long unix = micros == Long.MAX_VALUE ? Long.MAX_VALUE
          : micros == Long.MIN_VALUE ? -Long.MAX_VALUE : micros + EPOCH_MICROS;
      if (withZone) {
        ((TimeStampMicroTZVector) vector).setSafe(row, unix);
      } else {
        ((TimeStampMicroVector) vector).setSafe(row, unix);
      }
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      long unix = withZone ? ((TimeStampMicroTZVector) vector).get(row) : ((TimeStampMicroVector) vector).get(row);
      out.writeLong(unix == Long.MAX_VALUE ? Long.MAX_VALUE
          : unix == -Long.MAX_VALUE ? Long.MIN_VALUE : unix - EPOCH_MICROS);
    }
  }

  static final class Interval extends FixedWidthCodec {
    Interval() {
      super("interval", "INTERVAL", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO), 16);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      long micros = in.readLong();
      int days = in.readInt();
      int months = in.readInt();
      ((IntervalMonthDayNanoVector) vector).setSafe(row, months, days, Math.multiplyExact(micros, 1000L));
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      IntervalMonthDayNanoVector interval = (IntervalMonthDayNanoVector) vector;
      ArrowBuf data = interval.getDataBuffer();
      long offset = (long) row * IntervalMonthDayNanoVector.TYPE_WIDTH;
      int months = data.getInt(offset);
      int days = data.getInt(offset + 4);
      long nanos = data.getLong(offset + 8);
      out.writeLong(nanos / 1000);
      out.writeInt(days);
      out.writeInt(months);
    }
  }
}
