package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's ISO output of dates, times, timestamps and UTC offsets (DateStyle ISO): {@code
 * 2024-01-02 03:04:05.5+05:30}, years before 1 printed with a " BC" suffix.
 */
final class DateTimeText {
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private DateTimeText() {}

  /** Writes the date part and returns whether the year is BC (the caller appends " BC" last). */
  static boolean writeDate(ByteBuf out, long epochDay) {
    CivilDate date = CivilDate.fromEpochDay(epochDay);
    long year = date.year();
    boolean bc = year <= 0;
    long shownYear = bc ? 1 - year : year;
    if (shownYear < 10_000) {
      AsciiDigits.writeTwoDigits(out, (int) (shownYear / 100));
      AsciiDigits.writeTwoDigits(out, (int) (shownYear % 100));
    } else {
      AsciiDigits.writeUnsigned(out, shownYear);
    }
    out.writeByte('-');
    AsciiDigits.writeTwoDigits(out, date.month());
    out.writeByte('-');
    AsciiDigits.writeTwoDigits(out, date.day());
    return bc;
  }

  static void writeBc(ByteBuf out, boolean bc) {
    if (bc) {
      out.writeCharSequence(" BC", StandardCharsets.US_ASCII);
    }
  }

  /** HH:MM:SS[.ffffff] for a time of day in microseconds (24:00:00 allowed, as PostgreSQL does). */
  static void writeTime(ByteBuf out, long micros) {
    long seconds = micros / MICROS_PER_SECOND;
    AsciiDigits.writeTwoDigits(out, (int) (seconds / 3600)); // at most 24
    out.writeByte(':');
    AsciiDigits.writeTwoDigits(out, (int) ((seconds / 60) % 60));
    out.writeByte(':');
    AsciiDigits.writeTwoDigits(out, (int) (seconds % 60));
    AsciiDigits.writeFraction(out, micros % MICROS_PER_SECOND, 6);
  }

  /** A timestamp given as microseconds since 1970-01-01 in local (wall-clock) time. */
  static void writeTimestamp(ByteBuf out, long localMicros) {
    long day = Math.floorDiv(localMicros, MICROS_PER_DAY);
    boolean bc = writeDate(out, day);
    out.writeByte(' ');
    writeTime(out, localMicros - day * MICROS_PER_DAY);
    writeBc(out, bc);
  }

  /** A timestamp with its UTC offset: +HH, +HH:MM or +HH:MM:SS as PostgreSQL prints them. */
  static void writeTimestampWithOffset(ByteBuf out, long localMicros, int offsetSeconds) {
    long day = Math.floorDiv(localMicros, MICROS_PER_DAY);
    boolean bc = writeDate(out, day);
    out.writeByte(' ');
    writeTime(out, localMicros - day * MICROS_PER_DAY);
    writeOffset(out, offsetSeconds);
    writeBc(out, bc);
  }

  static void writeOffset(ByteBuf out, int offsetSeconds) {
    out.writeByte(offsetSeconds < 0 ? '-' : '+');
    int abs = Math.abs(offsetSeconds);
    AsciiDigits.writeTwoDigits(out, abs / 3600);
    if (abs % 3600 != 0) {
      out.writeByte(':');
      AsciiDigits.writeTwoDigits(out, (abs / 60) % 60);
      if (abs % 60 != 0) {
        out.writeByte(':');
        AsciiDigits.writeTwoDigits(out, abs % 60);
      }
    }
  }
}
