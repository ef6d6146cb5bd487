package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;

/** time without time zone: {@code 13:14:15.5}; binary microseconds since midnight. */
final class TimeType extends PgType {
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(?:[+-]\\d{1,2}(?::?\\d{2}){0,2}|Z|UTC)?");
  TimeType() {
    super(PgTypeRegistry.TIME);
  }

  @Override
  public String formatType(int typmod) {
    return "time without time zone";
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    LongReader micros;
    if (vector instanceof TimeMicroVector v) {
      micros = v::get;
    } else if (vector instanceof TimeNanoVector v) {
      micros = row -> v.get(row) / 1000;
    } else if (vector instanceof TimeMilliVector v) {
      micros = row -> v.get(row) * 1000L;
    } else if (vector instanceof TimeSecVector v) {
      micros = row -> v.get(row) * 1_000_000L;
    } else {
      throw unsupportedVector(this, vector);
    }
    return new VectorWriter(vector) {
      private final DateTimeText text = new DateTimeText();

      @Override
      public void writeText(int row, ByteBuf out) {
        text.time(micros.read(row));
        text.writeTo(out);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        out.writeLong(micros.read(row));
      }
    };
  }

  /** A time of day, ignoring a time-zone suffix as PostgreSQL's time input does. */
  @Override
  public Object decodeText(String text) {
    Matcher time = TIME.matcher(text.strip());
    if (!time.matches()) {
      return text;
    }
    return time.group(1);
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != 8) {
      throw badBinary(this);
    }
    return LocalTime.ofNanoOfDay(value.getLong() * 1000);
  }
}
