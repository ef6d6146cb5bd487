package io.analytics.gateway.dialect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A timestamp as PostgreSQL reads its input ({@link PgTimestampInput}): a date and a time of day with the zone the
 * text named (null for none), or one of PostgreSQL's special values, which stay relative to the statement's moment
 * ({@code today} is {@link Kind#TODAY} with {@code days} 0, {@code tomorrow EST} is 1 with its zone).
 *
 * @param date the date (finite values only); years before 1 AD as {@link LocalDate} counts them (0 is 1 BC)
 * @param micros the time of day in microseconds, up to a day and a leap second (24:00:00 is the next midnight)
 */
public record PgTimestamp(Kind kind, LocalDate date, long micros, ZoneId zone, int days) {
  /** A finite value, {@code infinity}, {@code -infinity}, {@code now}, or {@code today} (with tomorrow and yesterday). */
  public enum Kind { FINITE, INFINITY, NEGATIVE_INFINITY, NOW, TODAY }

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

  /**
   * The value rounded to {@code unit} microseconds as PostgreSQL rounds a value for a column of fewer fractional digits
   * (AdjustTimestampForTypmod: half away from zero, counted from 2000-01-01); itself unless finite.
   */
  PgTimestamp roundedTo(long unit) {
    if (kind != Kind.FINITE || unit <= 1) {
      return this;
    }
    long since2000 = (date.toEpochDay() - EPOCH_2000) * MICROS_PER_DAY + micros;
    long rounded = since2000 >= 0 ? (since2000 + unit / 2) / unit * unit : -((-since2000 + unit / 2) / unit * unit);
    return new PgTimestamp(kind, date, micros + rounded - since2000, zone, days);
  }

  /** The date and time of day as written, the zone not applied. */
  LocalDateTime local() {
    return date.atStartOfDay().plus(micros, ChronoUnit.MICROS);
  }

  /**
   * The value as DuckDB SQL of the type asked for (timestamp, or timestamptz when {@code withTimeZone}): a literal
   * DuckDB reads as this value, or an expression for the values relative to the statement's moment and those before
   * 1 AD (DuckDB's timestamp input ignores the era). Without a time zone the zone is ignored, as PostgreSQL ignores
   * it; a timestamptz without one is read by DuckDB in the session's TimeZone, as PostgreSQL reads it.
   */
  String sql(boolean withTimeZone) {
    return switch (kind) {
      case INFINITY -> "'infinity'";
      case NEGATIVE_INFINITY -> "'-infinity'";
      case NOW -> withTimeZone ? "current_timestamp" : "CAST(current_timestamp AS TIMESTAMP)";
      case TODAY -> inZone(relativeDay(), withTimeZone);
      case FINITE -> finite(withTimeZone);
    };
  }

  private String finite(boolean withTimeZone) {
    LocalDateTime local = local();
    if (withTimeZone && zone != null) {
      // In a transition's overlap PostgreSQL takes the offset after it (standard time), as in its gap.
      local = ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (local.getYear() <= 0) {
      String expression = "CAST(DATE '" + DateLiterals.iso(local.toLocalDate()) + "' + TIME '" + timeOfDay(local) + "' AS TIMESTAMP)";
      if (!withTimeZone) {
        return expression;
      }
      return zone != null ? "timezone('UTC', " + expression + ")" : "CAST(" + expression + " AS TIMESTAMP WITH TIME ZONE)";
    }
    return "'" + DateLiterals.iso(local.toLocalDate()) + " " + timeOfDay(local) + (withTimeZone && zone != null ? "+00" : "") + "'";
  }

  /** Today's (tomorrow's, yesterday's) midnight in the session's TimeZone, plus the time of day given. */
  private String relativeDay() {
    String day = "CAST(current_date" + (days > 0 ? " + " + days : days < 0 ? " - " + -days : "") + " AS TIMESTAMP)";
    return micros == 0 ? day : "(" + day + " + INTERVAL '" + micros + " microseconds')";
  }

  /** A local timestamp expression as the type asked for, read in the zone given (or the session's). */
  private String inZone(String local, boolean withTimeZone) {
    if (!withTimeZone) {
      return local;
    }
    if (zone == null) {
      return "CAST(" + local + " AS TIMESTAMP WITH TIME ZONE)";
    }
    if (zone instanceof ZoneOffset offset) {
      return "timezone('UTC', " + local + " - INTERVAL '" + offset.getTotalSeconds() + " seconds')";
    }
    return "timezone('" + zone.getId() + "', " + local + ")";
  }

  private static String timeOfDay(LocalDateTime local) {
    String text = String.format("%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond());
    int fraction = local.getNano() / 1000;
    if (fraction == 0) {
      return text;
    }
    String digits = String.format("%06d", fraction);
    return text + "." + digits.replaceAll("0+$", "");
  }
}
