package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/** date: ISO text ({@code 2024-02-29}, {@code 0044-03-15 BC}, infinity), binary days since 2000-01-01. */
final class DateType extends PgType {
  private static final Pattern ISO_DATE =
      Pattern.compile("(\\d{4,7})-(\\d{1,2})-(\\d{1,2})(?:\\s*(?:[+-]\\d{1,2}(?::?\\d{2}){0,2}|Z|UTC))?(\\s+BC)?");
  /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
  static final int POSTGRES_EPOCH_DAYS = 10_957;

  DateType() {
    super(PgTypeRegistry.DATE);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (!(vector instanceof DateDayVector days)) {
      throw unsupportedVector(this, vector);
    }
    return new VectorWriter(vector) {
      private final DateTimeText text = new DateTimeText();

      @Override
      public String textCharacters() {
        return DateTimeText.DATE_CHARACTERS;
      }

      @Override
      public void writeText(int row, ByteBuf out) {
        int day = days.get(row);
        if (day == Integer.MAX_VALUE || day == -Integer.MAX_VALUE) {
          out.writeCharSequence(day > 0 ? "infinity" : "-infinity", StandardCharsets.US_ASCII);
          return;
        }
        text.bc(text.date(day));
        text.writeTo(out);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        int day = days.get(row);
        if (day == Integer.MAX_VALUE || day == -Integer.MAX_VALUE) {
          out.writeInt(day > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        } else {
          out.writeInt(day - POSTGRES_EPOCH_DAYS);
        }
      }
    };
  }

  /**
   * ISO dates as PostgreSQL reads them, including a time-zone suffix that it ignores (pgjdbc sends
   * {@code 1999-12-31 +00}) and a BC marker; other spellings go to DuckDB as they are.
   */
  @Override
  public Object decodeText(String text) {
    Matcher iso = ISO_DATE.matcher(text.strip());
    if (!iso.matches()) {
      return text;
    }
    long year = Long.parseLong(iso.group(1));
    try {
      return LocalDate.of((int) (iso.group(4) != null ? 1 - year : year), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
    } catch (java.time.DateTimeException e) {
      throw new io.analytics.catalog.error.PlatformException(
          io.analytics.catalog.error.SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != 4) {
      throw badBinary(this);
    }
    int day = value.getInt();
    if (day == Integer.MAX_VALUE || day == Integer.MIN_VALUE) {
      return day > 0 ? "infinity" : "-infinity";
    }
    return LocalDate.ofEpochDay((long) day + POSTGRES_EPOCH_DAYS);
  }
}
