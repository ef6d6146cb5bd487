package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodec.scalarField;
import static io.analytics.engine.pgtypes.PgCodecs.EPOCH_DAYS;
import static io.analytics.engine.pgtypes.PgCodecs.EPOCH_MICROS;
import static io.analytics.engine.pgtypes.PgCodecs.expectLength;

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
import org.apache.arrow.vector.types.pojo.Field;

/** Binary COPY codecs of the date and time types, converting between PostgreSQL's 2000-01-01 epoch and Arrow's 1970-01-01. */
final class TimeCodecs {
  private TimeCodecs() {}

  static final class Date implements PgCodec {
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

  static final class Time implements PgCodec {
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

  static final class Timestamp implements PgCodec {
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

  static final class Interval implements PgCodec {
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
}
