package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.dialect.PgDateInput.Field;
import io.analytics.gateway.dialect.PgDateInput.Field.Kind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a timestamp as PostgreSQL 15's timestamp and timestamptz input do (datetime.c: ParseDateTime, DecodeDateTime,
 * DecodeTime, DecodeTimezone, DecodeTimezoneAbbrev): the date as {@link PgDateInput} reads it under the DateStyle, a
 * time of day ({@code 17:32:01.5}, {@code 5:32PM}, {@code 173201} after a date, {@code allballs}) whose fraction is
 * rounded to microseconds, a zone ({@code -08}, {@code -08:00}, {@code PST}, {@code zulu}, {@code GMT+8},
 * {@code America/New_York}), and the special values {@code now}, {@code today}, {@code tomorrow}, {@code yesterday},
 * {@code epoch}, {@code infinity} and {@code -infinity}. Input PostgreSQL refuses is its error (22007; 22008 for a
 * field out of range; 22023 for an unknown zone); forms the date reader leaves to DuckDB are empty.
 */
public final class PgTimestampInput {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final LocalDateTime FIRST = LocalDateTime.of(-4713, 11, 24, 0, 0);
  private static final LocalDateTime AFTER_LAST = LocalDateTime.of(294277, 1, 1, 0, 0);

  /** ISO without a zone, at most microseconds, no 24:00 or leap second: DuckDB reads it as PostgreSQL does, as either type. */
  private static final java.util.regex.Pattern PLAIN_ISO =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}( ([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,6})?)?)?");

  /** A time of day run together after a date: hhmm, hhmmss, hhmmss.fraction. */
  private static final java.util.regex.Pattern RUN_TOGETHER_TIME = java.util.regex.Pattern.compile("\\d{4}|\\d{6}(\\.\\d*)?");

  private final PgDateInput dates;
  private final String typeName;
  private final boolean withTimeZone;

  /** A reader for {@code timestamp} or, {@code withTimeZone}, {@code timestamp with time zone} (the name in its errors). */
  public PgTimestampInput(PgDateInput.Order order, boolean withTimeZone) {
    this.dates = new PgDateInput(order);
    this.typeName = withTimeZone ? "timestamp with time zone" : "timestamp";
    this.withTimeZone = withTimeZone;
  }

  /** The value PostgreSQL reads from {@code text}, or empty when the gateway leaves the text to DuckDB. */
  public Optional<PgTimestamp> read(String text) {
    List<Field> fields = PgDateFields.split(text);
    if (fields == null || fields.isEmpty()) {
      throw badFormat(text);
    }
    Parts parts = new Parts(text);
    for (Field field : fields) {
      parts.add(field);
    }
    return parts.reading();
  }

  /** Whether DuckDB reads {@code text} as the value PostgreSQL reads, as a timestamp and as a timestamptz alike. */
  static boolean readAlikeByDuckDb(String text) {
    return PLAIN_ISO.matcher(text).matches();
  }

  private PlatformException badFormat(String text) {
    return new PlatformException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type " + typeName + ": \"" + text + "\"",
        null, null, 0, null);
  }

  private static PlatformException fieldOutOfRange(String text) {
    return new PlatformException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"", null, null, 0, null);
  }

  private static PlatformException outOfRange(String text) {
    return new PlatformException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"", null, null, 0, null);
  }

  /** The fields of one input sorted into date, time of day, zone and special value (DecodeDateTime's walk). */
  private final class Parts {
    private final String text;
    private final List<Field> dateFields = new ArrayList<>();
    private boolean dateSeen;
    private Long micros;
    private int hour = -1;
    private String meridian;
    private ZoneId zone;
    /** The abbreviation the zone came from when it stands for a zone's offset at the time given (MSK). */
    private String dynamicAbbreviation;
    private PgTimestamp.Kind special;
    private final java.util.Set<PgTimestamp.Kind> specialGroups = java.util.EnumSet.noneOf(PgTimestamp.Kind.class);
    private int days;

    Parts(String text) {
      this.text = text;
    }

    void add(Field field) {
      long datesBefore = dateFieldCount();
      boolean fixedBefore = isFixedSpecial();
      decode(field);
      if (fixedBefore && dateFieldCount() > datesBefore) {
        // PostgreSQL 15 ignores the fields before epoch or infinity, and refuses a date after it.
        throw badFormat(text);
      }
    }

    private long dateFieldCount() {
      return dateFields.stream().filter(field -> field.kind() != Kind.TIME).count();
    }

    private boolean isFixedSpecial() {
      return special == PgTimestamp.Kind.FINITE || special == PgTimestamp.Kind.INFINITY || special == PgTimestamp.Kind.NEGATIVE_INFINITY;
    }

    private void decode(Field field) {
      String value = field.text();
      switch (field.kind()) {
        case TIME -> time(timeOfDay(value));
        case ZONE -> zone(numericZone(value));
        case NUMBER -> {
          if (dateSeen && micros == null && RUN_TOGETHER_TIME.matcher(value).matches()) {
            time(runTogetherTime(value));
          } else if (afterJulian() && value.indexOf('.') > 0) {
            // A fractional Julian day: its fraction is a time of day (J2452271.5 is noon).
            int dot = value.indexOf('.');
            dateFields.add(new Field(Kind.NUMBER, value.substring(0, dot)));
            time(Math.round(Math.rint(Double.parseDouble("0" + value.substring(dot)) * 86_400 * MICROS_PER_SECOND)));
            dateSeen = true;
          } else {
            dateFields.add(field);
            dateSeen |= value.length() >= 6 || value.indexOf('.') >= 0;
          }
        }
        case DATE -> {
          int sign = Math.max(value.indexOf('-'), value.indexOf('+'));
          if (Character.isLetter(value.charAt(0)) && !PgDateInput.startsWithMonth(value)) {
            zone(PgTimeZoneNames.zone(value).orElseThrow(() -> unknownZone(value)));
          } else if ((dateSeen || afterJulian()) && sign > 0 && Character.isDigit(value.charAt(0))) {
            // A time (or a Julian day) run together with its zone: 040506-08, J2452271-08.
            boolean julianDay = afterJulian();
            zone(numericZone(value.substring(sign)));
            decode(new Field(Kind.NUMBER, value.substring(0, sign)));
            if (!julianDay && micros == null) {
              throw badFormat(text);
            }
          } else {
            dateFields.add(field);
            dateSeen = true;
          }
        }
        case STRING -> word(field, value);
      }
    }

    private void word(Field field, String word) {
      Optional<ZoneId> abbreviation = PgTimeZoneNames.abbreviation(word);
      if (abbreviation.isPresent()) {
        zone(abbreviation.get());
        dynamicAbbreviation = abbreviation.get() instanceof ZoneOffset ? null : word;
        return;
      }
      switch (word) {
        case "now" -> special(PgTimestamp.Kind.NOW, 0);
        case "today" -> special(PgTimestamp.Kind.TODAY, 0);
        case "tomorrow" -> special(PgTimestamp.Kind.TODAY, 1);
        case "yesterday" -> special(PgTimestamp.Kind.TODAY, -1);
        case "infinity" -> special(PgTimestamp.Kind.INFINITY, 0);
        case "-infinity" -> special(PgTimestamp.Kind.NEGATIVE_INFINITY, 0);
        case "epoch" -> special(PgTimestamp.Kind.FINITE, 0);
        case "allballs" -> time(0L);
        case "am", "pm" -> {
          if (meridian != null) {
            throw badFormat(text);
          }
          meridian = word;
        }
        default -> {
          if (PgDateInput.isDateWord(word)) {
            dateFields.add(field);
          } else {
            // An all-letter zone name (Japan, UTC): PostgreSQL's last try before refusing the word.
            zone(PgTimeZoneNames.zone(word).orElseThrow(() -> badFormat(text)));
          }
        }
      }
    }

    /** Whether the last date field was Julian's J, which takes the next number as its day. */
    private boolean afterJulian() {
      if (dateFields.isEmpty()) {
        return false;
      }
      String last = dateFields.get(dateFields.size() - 1).text();
      return last.equals("j") || last.equals("julian");
    }

    /** hhmm, hhmmss or hhmmss.fraction after a complete date (19970210 173201, 20011227 040506.789). */
    private long runTogetherTime(String value) {
      int dot = value.indexOf('.');
      String digits = dot < 0 ? value : value.substring(0, dot);
      int seconds = digits.length() == 6 ? Integer.parseInt(digits.substring(4)) : 0;
      long fraction = dot < 0 ? 0 : Math.round(Math.rint(Double.parseDouble("0" + value.substring(dot)) * MICROS_PER_SECOND));
      return clock(Integer.parseInt(digits.substring(0, 2)), Integer.parseInt(digits.substring(2, 4)), seconds, fraction);
    }

    /**
     * The last special value given wins, as in PostgreSQL 15 ('now epoch' is the epoch, 'epoch today' today), but two
     * of one class (epoch and the infinities; now; today, tomorrow and yesterday) are refused.
     */
    private void special(PgTimestamp.Kind kind, int relativeDays) {
      PgTimestamp.Kind group = kind == PgTimestamp.Kind.INFINITY || kind == PgTimestamp.Kind.NEGATIVE_INFINITY ? PgTimestamp.Kind.FINITE : kind;
      if (!specialGroups.add(group)) {
        throw badFormat(text);
      }
      special = kind;
      days = relativeDays;
    }

    private void time(long value) {
      if (micros != null) {
        throw badFormat(text);
      }
      micros = value;
      // The date reader reads a number after a time as a date field, before one as a time (DecodeNumberField).
      dateFields.add(new Field(Kind.TIME, ""));
    }

    private void zone(ZoneId value) {
      if (zone != null) {
        throw badFormat(text);
      }
      zone = value;
    }

    /** {@code hh:mm}, {@code hh:mm:ss} or {@code hh:mm:ss.fraction} (DecodeTime), the fraction rounded to microseconds. */
    private long timeOfDay(String value) {
      String[] parts = value.split(":", -1);
      if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[0].length() > 9 || parts[1].length() > 9) {
        throw badFormat(text);
      }
      int seconds = 0;
      long fraction = 0;
      if (parts.length == 3) {
        String[] second = parts[2].split("\\.", -1);
        if (second.length > 2 || second[0].isEmpty() || second[0].length() > 9 || parts[1].contains(".")) {
          throw badFormat(text);
        }
        seconds = Integer.parseInt(second[0]);
        fraction = second.length == 2 && !second[1].isEmpty() ? Math.round(Math.rint(Double.parseDouble("0." + second[1]) * MICROS_PER_SECOND)) : 0;
      } else if (parts[1].contains(".")) {
        throw badFormat(text);
      }
      return clock(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seconds, fraction);
    }

    private long clock(int hours, int minutes, int seconds, long fraction) {
      if (hours > 24 || minutes > 59 || seconds > 60 || fraction > MICROS_PER_SECOND
          || hours == 24 && (minutes > 0 || seconds > 0 || fraction > 0)) {
        throw fieldOutOfRange(text);
      }
      hour = hours;
      return ((hours * 60L + minutes) * 60L + seconds) * MICROS_PER_SECOND + fraction;
    }

    /** DecodeTimezone: {@code +h}, {@code -hh}, {@code -hhmm}, {@code -hhmmss}, {@code +hh:mm[:ss]}, east of Greenwich. */
    private ZoneId numericZone(String value) {
      String digits = value.substring(1);
      int hours;
      int minutes = 0;
      int seconds = 0;
      try {
        if (digits.contains(":")) {
          String[] parts = digits.split(":", -1);
          if (parts.length > 3) {
            throw badFormat(text);
          }
          hours = Integer.parseInt(parts[0]);
          minutes = Integer.parseInt(parts[1]);
          seconds = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
        } else if (digits.length() <= 2) {
          hours = Integer.parseInt(digits);
        } else if (digits.length() <= 4) {
          hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
          minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        } else if (digits.length() <= 6) {
          hours = Integer.parseInt(digits.substring(0, digits.length() - 4));
          minutes = Integer.parseInt(digits.substring(digits.length() - 4, digits.length() - 2));
          seconds = Integer.parseInt(digits.substring(digits.length() - 2));
        } else {
          throw badFormat(text);
        }
      } catch (NumberFormatException e) {
        throw badFormat(text);
      }
      if (hours > 15 || minutes > 59 || seconds > 59) {
        throw new PlatformException(SqlState.DATETIME_FIELD_OVERFLOW, "time zone displacement out of range: \"" + text + "\"", null, null, 0, null);
      }
      int total = (hours * 60 + minutes) * 60 + seconds;
      return ZoneOffset.ofTotalSeconds(value.charAt(0) == '-' ? -total : total);
    }

    private PlatformException unknownZone(String name) {
      return new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized", null, null, 0, null);
    }

    /** Whether no field of a date was given (the time's marker aside). */
    private boolean noDate() {
      return dateFieldCount() == 0;
    }

    Optional<PgTimestamp> reading() {
      long time = micros == null ? 0 : micros;
      if (meridian != null) {
        if (micros == null) {
          return Optional.empty();
        }
        if (hour > 12) {
          throw fieldOutOfRange(text);
        }
        long hourMicros = 3600 * MICROS_PER_SECOND;
        time = meridian.equals("am") ? (hour == 12 ? time - 12 * hourMicros : time) : (hour == 12 ? time : time + 12 * hourMicros);
      }
      if (isFixedSpecial()) {
        LocalDate epoch = special == PgTimestamp.Kind.FINITE ? LocalDate.of(1970, 1, 1) : null;
        return Optional.of(new PgTimestamp(special, epoch, 0, special == PgTimestamp.Kind.FINITE ? ZoneOffset.UTC : null, 0));
      }
      if (special == PgTimestamp.Kind.NOW) {
        if (!noDate() || micros != null || meridian != null || zone != null) {
          throw badFormat(text);
        }
        return Optional.of(new PgTimestamp(special, null, 0, null, 0));
      }
      if (special == PgTimestamp.Kind.TODAY) {
        if (!noDate()) {
          throw badFormat(text);
        }
        return Optional.of(new PgTimestamp(special, null, time, zone, days));
      }
      Optional<LocalDate> date;
      try {
        date = dates.read(dateFields, text);
      } catch (PlatformException e) {
        throw e.sqlState() == SqlState.INVALID_DATETIME_FORMAT ? badFormat(text)
            : e.getMessage().startsWith("date out of range") ? outOfRange(text) : e;
      }
      if (date.isEmpty()) {
        return Optional.empty();
      }
      PgTimestamp value = new PgTimestamp(PgTimestamp.Kind.FINITE, date.get(), time, zone, 0);
      if (dynamicAbbreviation != null) {
        value = new PgTimestamp(PgTimestamp.Kind.FINITE, date.get(), time, PgTimeZoneNames.offsetOf(dynamicAbbreviation, zone, value.local()), 0);
      }
      LocalDateTime utc = zone == null ? value.local() : value.local().minusSeconds(zone.getRules().getOffset(value.local()).getTotalSeconds());
      // A timestamptz without a zone is in the session's, unknown here: its bounds are widened by the largest offset.
      long slack = withTimeZone && zone == null ? 15 : 0;
      if (utc.isBefore(FIRST.minusHours(slack)) || !utc.isBefore(AFTER_LAST.plusHours(slack))) {
        throw outOfRange(text);
      }
      return Optional.of(value);
    }
  }
}
