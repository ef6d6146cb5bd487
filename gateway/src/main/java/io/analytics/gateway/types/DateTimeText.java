package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;

/**
 * PostgreSQL's ISO output of dates, times, timestamps and UTC offsets (DateStyle ISO): {@code
 * 2024-01-02 03:04:05.5+05:30}, years before 1 printed with a " BC" suffix. One instance per column
 * writer: a value is formatted into its scratch and written at once, and the text of the last date
 * is kept, since the rows of a batch mostly share their day.
 */
final class DateTimeText {
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  /** What a date's text can hold: {@code 2024-02-29}, {@code 0044-03-15 BC}, {@code -infinity}. */
  static final String DATE_CHARACTERS = "-0123456789 BCinfty";
  /** What a timestamp's can: a date's, and {@code 03:04:05.5+05:30}. */
  static final String TIMESTAMP_CHARACTERS = DATE_CHARACTERS + ":.+";

  private final AsciiScratch text = new AsciiScratch();
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] cachedDate = new byte[16];
  private int cachedLength;
  private boolean cachedBc;

  /** Appends the date part and returns whether the year is BC (the caller appends " BC" last). */
  boolean date(long epochDay) {
    if (epochDay != cachedDay) {
      int mark = text.length();
      CivilDate date = CivilDate.fromEpochDay(epochDay);
      long year = date.year();
      cachedBc = year <= 0;
      text.appendPadded(cachedBc ? 1 - year : year, 4);
      text.append('-');
      text.appendPadded(date.month(), 2);
      text.append('-');
      text.appendPadded(date.day(), 2);
      cachedLength = text.copySince(mark, cachedDate);
      cachedDay = epochDay;
      return cachedBc;
    }
    text.append(cachedDate, 0, cachedLength);
    return cachedBc;
  }

  void bc(boolean bc) {
    if (bc) {
      text.append(' ');
      text.append('B');
      text.append('C');
    }
  }

  /** HH:MM:SS[.ffffff] for a time of day in microseconds (24:00:00 allowed, as PostgreSQL does). */
  void time(long micros) {
    // At most 86,400 seconds: int arithmetic from here on.
    int seconds = (int) (micros / MICROS_PER_SECOND);
    int minutes = seconds / 60;
    text.appendPadded(minutes / 60, 2);
    text.append(':');
    text.appendPadded(minutes - minutes / 60 * 60, 2);
    text.append(':');
    text.appendPadded(seconds - minutes * 60, 2);
    text.appendFraction(micros - seconds * MICROS_PER_SECOND, 6);
  }

  /** A timestamp given as microseconds since 1970-01-01 in local (wall-clock) time. */
  void timestamp(long localMicros) {
    long day = Math.floorDiv(localMicros, MICROS_PER_DAY);
    boolean bc = date(day);
    text.append(' ');
    time(localMicros - day * MICROS_PER_DAY);
    bc(bc);
  }

  /** A timestamp with its UTC offset: +HH, +HH:MM or +HH:MM:SS as PostgreSQL prints them. */
  void timestampWithOffset(long localMicros, int offsetSeconds) {
    long day = Math.floorDiv(localMicros, MICROS_PER_DAY);
    boolean bc = date(day);
    text.append(' ');
    time(localMicros - day * MICROS_PER_DAY);
    offset(offsetSeconds);
    bc(bc);
  }

  void offset(int offsetSeconds) {
    text.append(offsetSeconds < 0 ? '-' : '+');
    int abs = Math.abs(offsetSeconds);
    text.appendPadded(abs / 3600, 2);
    if (abs % 3600 != 0) {
      text.append(':');
      text.appendPadded((abs / 60) % 60, 2);
      if (abs % 60 != 0) {
        text.append(':');
        text.appendPadded(abs % 60, 2);
      }
    }
  }

  /** Writes the value formatted so far to {@code out} and starts the next one. */
  void writeTo(ByteBuf out) {
    text.writeTo(out);
  }
}
