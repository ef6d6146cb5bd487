package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * timestamp and timestamptz. Text in ISO style; a timestamptz is shown in the session's TimeZone
 * with its offset, as PostgreSQL does. Binary is microseconds since 2000-01-01 (UTC for
 * timestamptz). DuckDB's infinities become PostgreSQL's.
 */
final class TimestampType extends PgType {
  static final long POSTGRES_EPOCH_MICROS = DateType.POSTGRES_EPOCH_DAYS * DateTimeText.MICROS_PER_DAY;

  private final boolean withTimeZone;

  private TimestampType(PgTypeDefinition definition, boolean withTimeZone) {
    super(definition);
    this.withTimeZone = withTimeZone;
  }

  static TimestampType timestamp() {
    return new TimestampType(PgTypeRegistry.TIMESTAMP, false);
  }

  static TimestampType timestampTz() {
    return new TimestampType(PgTypeRegistry.TIMESTAMPTZ, true);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (!(vector instanceof TimeStampVector timestamps)) {
      throw unsupportedVector(this, vector);
    }
    long toMicros = switch (((ArrowType.Timestamp) vector.getField().getType()).getUnit()) {
      case SECOND -> 1_000_000L;
      case MILLISECOND -> 1_000L;
      case MICROSECOND -> 1L;
      case NANOSECOND -> -1_000L;
    };
    ZoneRules rules = context.format().timeZone().getRules();
    ZoneOffset fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    return new VectorWriter(vector) {
      private final DateTimeText text = new DateTimeText();

      @Override
      public String textCharacters() {
        return DateTimeText.TIMESTAMP_CHARACTERS;
      }
      private final ZoneOffsetCache offsets = new ZoneOffsetCache(rules);

      @Override
      public void writeText(int row, ByteBuf out) {
        long raw = timestamps.get(row);
        if (raw == Long.MAX_VALUE || raw == -Long.MAX_VALUE) {
          out.writeCharSequence(raw > 0 ? "infinity" : "-infinity", StandardCharsets.US_ASCII);
          return;
        }
        long micros = toMicros > 0 ? raw * toMicros : Math.floorDiv(raw, -toMicros);
        if (!withTimeZone) {
          text.timestamp(micros);
        } else {
          int offset = fixedOffset != null
              ? fixedOffset.getTotalSeconds()
              : offsets.offsetAt(Math.floorDiv(micros, DateTimeText.MICROS_PER_SECOND));
          text.timestampWithOffset(micros + offset * DateTimeText.MICROS_PER_SECOND, offset);
        }
        text.writeTo(out);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        long raw = timestamps.get(row);
        if (raw == Long.MAX_VALUE || raw == -Long.MAX_VALUE) {
          out.writeLong(raw > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
          return;
        }
        long micros = toMicros > 0 ? raw * toMicros : Math.floorDiv(raw, -toMicros);
        out.writeLong(micros - POSTGRES_EPOCH_MICROS);
      }
    };
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != 8) {
      throw badBinary(this);
    }
    long micros = value.getLong();
    if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
      return micros > 0 ? "infinity" : "-infinity";
    }
    long epochMicros = micros + POSTGRES_EPOCH_MICROS;
    long seconds = Math.floorDiv(epochMicros, DateTimeText.MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(epochMicros, DateTimeText.MICROS_PER_SECOND) * 1000;
    LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    return withTimeZone ? OffsetDateTime.of(utc, ZoneOffset.UTC) : utc;
  }
}
