package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.time.LocalDate;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a date as PostgreSQL 15's date input does (datetime.c: ParseDateTime, DecodeDateTime,
 * DecodeDate, DecodeNumber, DecodeNumberField, ValidateDate) for the forms it accepts without a time
 * zone: ISO {@code 1999-01-08}, the DateStyle's field order ({@code 01/02/03} is 2003-01-02 under
 * MDY), month names ({@code January 8, 1999}, {@code 08-Jan-99}), {@code 19990108}, {@code 1999.008}
 * (day of year), Julian days ({@code J2451187}), two-digit years as 1970-2069, {@code BC}, and
 * {@code epoch}. Bad input is PostgreSQL's error (22007, or 22008 for a field out of range); what
 * it does not know (a time zone, {@code today}, {@code infinity}) is empty, left to DuckDB.
 */
public final class PgDateInput {
  /** The field order of ambiguous numeric dates, from DateStyle. */
  public enum Order { MDY, DMY, YMD }

  private static final int YEAR = 1;
  private static final int MONTH = 2;
  private static final int DAY = 4;
  private static final int DOY = 8;
  private static final int DATE = YEAR | MONTH | DAY;
  private static final int TIME = 16;
  private static final Map<String, Integer> MONTHS = months();
  private static final Set<String> IGNORED = Set.of(
      "sun", "sunday", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
      "fri", "friday", "sat", "saturday", "t", "on", "at", "ad");
  /** The ignored words that are no weekday. */
  private static final Set<String> NOISE = Set.of("t", "on", "at", "ad");
  private static final LocalDate LAST = LocalDate.of(5874897, 12, 31);
  private static final LocalDate FIRST = LocalDate.of(-4713, 11, 24);

  private final Order order;

  public PgDateInput(Order order) {
    this.order = java.util.Objects.requireNonNull(order, "order is null");
  }

  /** The order of a DateStyle setting such as "ISO, MDY". */
  public static Order orderOf(String dateStyle) {
    String upper = dateStyle.toUpperCase(Locale.ROOT);
    return upper.contains("DMY") ? Order.DMY : upper.contains("YMD") ? Order.YMD : Order.MDY;
  }

  /** The date PostgreSQL reads from {@code text}, or empty when the gateway leaves the text to DuckDB. */
  public Optional<LocalDate> read(String text) {
    List<Field> fields = PgDateFields.split(text);
    if (fields == null) {
      throw badFormat(text);
    }
    return read(fields, text);
  }

  /** As {@link #read(String)}, for fields already split ({@link PgTimestampInput} reads the time and zone fields itself). */
  Optional<LocalDate> read(List<Field> fields, String text) {
    Decoded decoded = new Decoded(text);
    boolean julianNext = false;
    for (Field field : fields) {
      if (julianNext) {
        if (field.kind() != Field.Kind.NUMBER || !field.text().chars().allMatch(Character::isDigit)) {
          throw badFormat(text);
        }
        decoded.julian(Long.parseLong(field.text()));
        julianNext = false;
        continue;
      }
      switch (field.kind()) {
        case TIME -> decoded.time();
        case ZONE -> { }
        case DATE -> {
          if (Character.isLetter(field.text().charAt(0)) && !MONTHS.containsKey(firstWord(field.text()))) {
            return Optional.empty();
          }
          decodeDate(field.text(), decoded);
        }
        case NUMBER -> decodeNumberField(field.text(), decoded);
        case STRING -> {
          String word = field.text();
          if (word.equals("epoch")) {
            decoded.set(DATE, 1970, 1, 1);
            decoded.twoDigitYear = false;
          } else if (word.equals("j") || word.equals("julian")) {
            julianNext = true;
          } else if (word.equals("bc")) {
            decoded.bc = true;
          } else if (MONTHS.containsKey(word)) {
            decoded.namedMonth(MONTHS.get(word));
          } else if (!IGNORED.contains(word)) {
            // infinity, today, a time zone: DuckDB's to read (or refuse).
            return Optional.empty();
          } else if (!NOISE.contains(word)) {
            decoded.weekday = true;
          }
        }
      }
    }
    return Optional.of(decoded.validated());
  }

  /** Whether the date reader takes {@code word} (lower case): a month or weekday name, an era, noise words, Julian's J. */
  static boolean isDateWord(String word) {
    return MONTHS.containsKey(word) || IGNORED.contains(word) || word.equals("bc") || word.equals("j") || word.equals("julian");
  }

  /** Whether a field of separated parts starts with a month name ({@code feb-10-1997}), not a zone name. */
  static boolean startsWithMonth(String text) {
    return MONTHS.containsKey(firstWord(text));
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end);
  }

  /** A NUMBER field: a decimal (year.doy), six or more digits (YYYYMMDD, YYMMDD) or one field of a date. */
  private void decodeNumberField(String text, Decoded decoded) {
    int dot = text.indexOf('.');
    if (dot >= 0 && (decoded.mask & DATE) == 0) {
      decodeDate(text, decoded);
    } else if (text.length() >= 6 && (decoded.mask & DATE) != 0 && (decoded.mask & TIME) == 0 && dot < 0) {
      // DecodeNumberField: six digits after part of a date and before any time are hhmmss.
      if (text.length() != 6) {
        throw badFormat(decoded.text);
      }
      decoded.time();
    } else if (dot >= 0 || (text.length() >= 6 && (decoded.mask & DATE) == 0)) {
      // Six or more digits before any date field: the last four are month and day, the rest the year.
      if (dot >= 0 || text.length() > 12) {
        throw badFormat(decoded.text);
      }
      int yearLength = text.length() - 4;
      decoded.set(DATE, Integer.parseInt(text.substring(0, yearLength)), Integer.parseInt(text.substring(yearLength, yearLength + 2)),
          Integer.parseInt(text.substring(yearLength + 2)));
      decoded.twoDigitYear = yearLength == 2;
    } else {
      decodeNumber(text, decoded);
    }
  }

  /** A field of separated parts (1999-01-08, 08-jan-1999, 1999.008): month names first, then the numbers in order. */
  private void decodeDate(String text, Decoded decoded) {
    // DecodeDate refuses a field of separated parts after a weekday or a time ('Mon 1997-02-10', '10:00 2020-01-01').
    if (decoded.weekday || (decoded.mask & TIME) != 0) {
      throw badFormat(decoded.text);
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i == text.length()) {
        throw badFormat(decoded.text);
      }
      int start = i;
      boolean digits = Character.isDigit(text.charAt(i));
      while (i < text.length() && (digits ? Character.isDigit(text.charAt(i)) : Character.isLetter(text.charAt(i)))) {
        i++;
      }
      parts.add(text.substring(start, i));
      if (i < text.length()) {
        i++;
      }
    }
    for (String part : parts) {
      if (Character.isLetter(part.charAt(0))) {
        Integer month = MONTHS.get(part.toLowerCase(Locale.ROOT));
        if (month == null) {
          throw badFormat(decoded.text);
        }
        decoded.month(month);
      }
    }
    for (String part : parts) {
      if (Character.isDigit(part.charAt(0))) {
        decodeNumber(part, decoded);
      }
    }
    // A date field completes the date ("1999-08-" before "Jan" does not).
    if ((decoded.mask & DATE) != DATE) {
      throw badFormat(decoded.text);
    }
  }

  /** DecodeNumber: which field a number is, from the fields seen so far and the DateStyle's order. */
  private void decodeNumber(String text, Decoded decoded) {
    if (text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      throw badFormat(decoded.text);
    }
    int value = Integer.parseInt(text);
    int length = text.length();
    int mask = decoded.mask & DATE;
    if (length == 3 && mask == YEAR && value >= 1 && value <= 366) {
      decoded.dayOfYear(value);
      return;
    }
    switch (mask) {
      case 0 -> {
        if (length >= 3 || order == Order.YMD) {
          decoded.year(value, length);
        } else if (order == Order.DMY) {
          decoded.add(DAY, value);
        } else {
          decoded.add(MONTH, value);
        }
      }
      case YEAR -> decoded.add(MONTH, value);
      case MONTH -> {
        if (decoded.textMonth && (length >= 3 || order == Order.YMD)) {
          decoded.year(value, length);
        } else {
          decoded.add(DAY, value);
        }
      }
      case YEAR | MONTH -> {
        if (decoded.textMonth && length >= 3 && decoded.twoDigitYear) {
          // DD-MON-YYYY: the first number was the day.
          decoded.add(DAY, decoded.year);
          decoded.year = value;
          decoded.twoDigitYear = false;
        } else {
          decoded.add(DAY, value);
        }
      }
      case DAY -> decoded.add(MONTH, value);
      case MONTH | DAY -> decoded.year(value, length);
      default -> throw badFormat(decoded.text);
    }
  }

  static PlatformException badFormat(String text) {
    return new PlatformException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"" + text + "\"", null, null, 0, null);
  }

  static PlatformException outOfRange(String text, boolean fieldOrder) {
    return new PlatformException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"", null,
        fieldOrder ? "Perhaps you need a different \"datestyle\" setting." : null, 0, null);
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> months = new java.util.HashMap<>();
    String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
    for (int i = 0; i < names.length; i++) {
      months.put(names[i], i + 1);
      months.put(names[i].substring(0, 3), i + 1);
    }
    months.put("sept", 9);
    return Map.copyOf(months);
  }

  /** The fields decoded so far (PostgreSQL's fmask and struct tm) and ValidateDate. */
  private static final class Decoded {
    private final String text;
    private int mask;
    private int year;
    private int month;
    private int day;
    private int dayOfYear;
    private boolean twoDigitYear;
    private boolean textMonth;
    private boolean bc;
    private boolean weekday;
    private Long julian;

    Decoded(String text) {
      this.text = text;
    }

    void add(int field, int value) {
      if ((mask & field) != 0) {
        throw badFormat(text);
      }
      mask |= field;
      switch (field) {
        case YEAR -> year = value;
        case MONTH -> month = value;
        default -> day = value;
      }
    }

    void year(int value, int length) {
      add(YEAR, value);
      twoDigitYear = length <= 2;
    }

    void month(int value) {
      add(MONTH, value);
      textMonth = true;
    }

    /** A month name after the fields: a number read as the month was the day (1999 08 Jan, 08 Jan 1999). */
    void namedMonth(int value) {
      if ((mask & MONTH) != 0 && !textMonth && (mask & DAY) == 0 && month >= 1 && month <= 31) {
        day = month;
        mask = (mask | DAY) & ~MONTH;
      }
      month(value);
    }

    void dayOfYear(int value) {
      if ((mask & (MONTH | DAY | DOY)) != 0) {
        throw badFormat(text);
      }
      mask |= MONTH | DAY | DOY;
      dayOfYear = value;
    }

    void set(int fields, int year, int month, int day) {
      if ((mask & fields) != 0) {
        throw badFormat(text);
      }
      mask |= fields;
      this.year = year;
      this.month = month;
      this.day = day;
    }

    void julian(long day) {
      if ((mask & DATE) != 0) {
        throw badFormat(text);
      }
      mask |= DATE;
      julian = day;
    }

    void time() {
      if ((mask & TIME) != 0) {
        throw badFormat(text);
      }
      mask |= TIME;
    }

    LocalDate validated() {
      if ((mask & DATE) != DATE) {
        throw badFormat(text);
      }
      LocalDate date;
      if (julian != null) {
        if (julian < 0 || julian > 2147483647L) {
          throw outOfRange(text, false);
        }
        date = LocalDate.of(2000, 1, 1).with(JulianFields.JULIAN_DAY, julian);
      } else {
        int adjusted = year;
        if (bc) {
          if (year <= 0) {
            throw outOfRange(text, false);
          }
          adjusted = -(year - 1);
        } else if (twoDigitYear) {
          adjusted = year < 70 ? year + 2000 : year < 100 ? year + 1900 : year;
        } else if (year <= 0) {
          throw outOfRange(text, false);
        }
        if ((mask & DOY) != 0) {
          date = LocalDate.of(adjusted, 1, 1).plusDays(dayOfYear - 1);
        } else {
          if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw outOfRange(text, true);
          }
          if (day > java.time.YearMonth.of(adjusted, month).lengthOfMonth()) {
            throw outOfRange(text, false);
          }
          date = LocalDate.of(adjusted, month, day);
        }
      }
      if (date.isAfter(LAST) || date.isBefore(FIRST)) {
        throw new PlatformException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"", null, null, 0, null);
      }
      return date;
    }
  }

  /** One field of the input, as PostgreSQL's ParseDateTime splits it. */
  record Field(Kind kind, String text) {
    enum Kind { NUMBER, DATE, TIME, STRING, ZONE }
  }
}
