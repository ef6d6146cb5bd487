package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A string literal that {@code INSERT ... VALUES} or {@code UPDATE ... SET} stores into a DATE, TIMESTAMP or TIMESTAMP
 * WITH TIME ZONE column is read as PostgreSQL reads date and timestamp input under the session's DateStyle
 * ({@link PgDateInput}, {@link PgTimestampInput}) and given to DuckDB as that value: DuckDB read {@code '01/02/03'} as
 * 0001-02-03 and {@code '99-01-08'} as the year 99 (PostgreSQL: 2003-01-02 and 1999-01-08 under MDY), silently wrong
 * dates, applied the offset of {@code '1997-02-10 17:32:01-08'} to a timestamp PostgreSQL stores as written, and refused
 * {@code 'January 8, 1999'}, {@code '2040-04-10 BC'}, {@code 'Mon Feb 10 17:32:01 1997 PST'} and {@code 'tomorrow'}.
 * Which column a literal lands in is DuckDB's binder's answer (the statement is prepared once, never run, with such
 * literals as parameters, see {@link StoredValues#targetTypes}); only statements holding a literal PostgreSQL reads
 * in a form DuckDB would not read the same way pay for that probe.
 */
public final class StoredDateTimeLiterals {
  /** A date literal as PostgreSQL reads it: its ISO form, or the error PostgreSQL raises for it. */
  record Reading(String iso, PlatformException refusal) {}

  /**
   * A timestamp literal as PostgreSQL reads it: DuckDB's SQL for it as a timestamp and as a timestamptz (null where the
   * literal stays), or the errors PostgreSQL raises for it as each.
   */
  record TimestampReading(PgTimestamp value, String plain, String zoned, PlatformException plainRefusal, PlatformException zonedRefusal) {
    /** Whether storing it into a column of fewer fractional digits needs rounding (a fraction finer than 1/100 s or not whole). */
    boolean fractional() {
      return value != null && value.kind() == PgTimestamp.Kind.FINITE && value.micros() % 1_000_000 != 0;
    }
  }

  /** PostgreSQL's special timestamp inputs: a text starting with one is worth PostgreSQL's error in a timestamp column. */
  private static final java.util.Set<String> SPECIAL_VALUES = java.util.Set.of("now", "today", "tomorrow", "yesterday", "epoch", "infinity", "-infinity");

  private final AnyArrayParameters.ParameterTypes probe;
  private final TimestampColumnPrecisions precisions;

  public StoredDateTimeLiterals(AnyArrayParameters.ParameterTypes probe) {
    this(probe, query -> List.of());
  }

  /** {@code firstColumn} answers catalog queries (a query's first column as text), for columns of fewer fractional digits. */
  StoredDateTimeLiterals(AnyArrayParameters.ParameterTypes probe, java.util.function.Function<String, List<String>> firstColumn) {
    this.probe = requireNonNull(probe, "probe is null");
    this.precisions = new TimestampColumnPrecisions(firstColumn);
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static StoredDateTimeLiterals probingWith(EngineSession engine) {
    return new StoredDateTimeLiterals(AnyArrayParameters.ParameterTypes.preparingWith(engine), engine::firstColumn);
  }

  /** The statement with its stored date literals in ISO form, read under {@code dateStyle} (a DateStyle setting). */
  public SqlStatement apply(SqlStatement statement, String dateStyle) {
    String keyword = statement.keyword();
    if (!keyword.equals("INSERT") && !keyword.equals("UPDATE")) {
      return statement;
    }
    PgDateInput.Order order = PgDateInput.orderOf(dateStyle);
    PgDateInput input = new PgDateInput(order);
    List<StoredValues.Span> spans = new ArrayList<>();
    List<Reading> readings = new ArrayList<>();
    List<TimestampReading> timestampReadings = new ArrayList<>();
    for (StoredValues.Span span : StoredValues.of(statement)) {
      Token value = statement.token(span.start());
      if (span.end() - span.start() == 1 && value.type() == TokenType.STRING) {
        Reading reading = read(input, value.value());
        boolean date = reading != null && !value.value().equals(reading.iso());
        TimestampReading timestamp = readTimestamp(order, value.value());
        if (date || timestamp != null) {
          spans.add(span);
          readings.add(date ? reading : null);
          timestampReadings.add(timestamp);
        }
      }
    }
    if (spans.isEmpty()) {
      return statement;
    }
    List<String> types = StoredValues.targetTypes(statement, spans, probe);
    if (types == null) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    long[] units = roundingUnits(statement, spans, types, timestampReadings);
    for (int i = 0; i < spans.size(); i++) {
      Token value = statement.token(spans.get(i).start());
      TimestampReading timestamp = timestampReadings.get(i);
      if (units[i] > 1) {
        PgTimestamp rounded = timestamp.value().roundedTo(units[i]);
        timestamp = new TimestampReading(rounded, rounded.sql(false), rounded.sql(true), null, null);
      }
      String replacement = replacement(types.get(i), readings.get(i), timestamp);
      if (replacement != null) {
        edits.replace(value.start(), value.end(), replacement.startsWith("'") ? replacement : "(" + replacement + ")");
      }
    }
    return edits.result();
  }

  /** The units stored timestamps round to (see {@link TimestampColumnPrecisions}), asked only when one has a fraction. */
  private long[] roundingUnits(SqlStatement statement, List<StoredValues.Span> spans, List<String> types, List<TimestampReading> readings) {
    for (int i = 0; i < spans.size(); i++) {
      if (readings.get(i) != null && readings.get(i).fractional() && types.get(i) != null && types.get(i).startsWith("TIMESTAMP")) {
        return precisions.units(statement, spans);
      }
    }
    long[] none = new long[spans.size()];
    java.util.Arrays.fill(none, 1);
    return none;
  }

  /** What DuckDB gets for a literal stored as {@code type}: null to keep it; PostgreSQL's error when it refuses it. */
  private static String replacement(String type, Reading date, TimestampReading timestamp) {
    if ("DATE".equals(type) && date != null) {
      if (date.refusal() != null) {
        throw date.refusal();
      }
      return "'" + date.iso() + "'";
    }
    boolean plain = "TIMESTAMP".equals(type);
    if (timestamp == null || !plain && !"TIMESTAMP WITH TIME ZONE".equals(type)) {
      return null;
    }
    PlatformException refusal = plain ? timestamp.plainRefusal() : timestamp.zonedRefusal();
    if (refusal != null) {
      throw refusal;
    }
    return plain ? timestamp.plain() : timestamp.zoned();
  }

  /**
   * What PostgreSQL makes of {@code text} as a timestamp, when DuckDB would read it otherwise: null when it is no
   * timestamp PostgreSQL reads (or leaves to DuckDB), or DuckDB reads it as the same value of both types; its errors
   * when PostgreSQL refuses a text with a time of day in it (other words cost no probe).
   */
  static TimestampReading readTimestamp(PgDateInput.Order order, String text) {
    try {
      Optional<PgTimestamp> value = new PgTimestampInput(order, false).read(text);
      if (value.isEmpty() || PgTimestampInput.readAlikeByDuckDb(text)) {
        return null;
      }
      String quoted = "'" + text + "'";
      String plain = value.get().sql(false);
      String zoned = value.get().sql(true);
      if (plain.equals(quoted) && zoned.equals(quoted)) {
        return null;
      }
      return new TimestampReading(value.get(), plain.equals(quoted) ? null : plain, zoned.equals(quoted) ? null : zoned, null, null);
    } catch (PlatformException e) {
      String first = text.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
      boolean timeOfDay = text.indexOf(':') >= 0 && text.chars().anyMatch(Character::isDigit);
      if (!timeOfDay && !SPECIAL_VALUES.contains(first)) {
        return null;
      }
      PlatformException zoned;
      try {
        new PgTimestampInput(order, true).read(text);
        zoned = e;
      } catch (PlatformException withZone) {
        zoned = withZone;
      }
      return new TimestampReading(null, null, null, e, zoned);
    }
  }

  /**
   * What PostgreSQL makes of {@code text} as a date: its ISO form, or its error for a numeric date PostgreSQL refuses
   * that DuckDB would read ({@code '99-01-08'} under MDY); null when the text is no date, or starts with an ISO date
   * DuckDB reads the same way (a timestamp's text, which costs no probe then).
   */
  static Reading read(PgDateInput input, String text) {
    String trimmed = text.strip();
    if (trimmed.chars().noneMatch(Character::isDigit) || startsWithIsoDate(trimmed) && !trimmed.toLowerCase(java.util.Locale.ROOT).endsWith("bc")) {
      return null;
    }
    try {
      Optional<LocalDate> date = input.read(text);
      return date.map(d -> new Reading(DateLiterals.iso(d), null)).orElse(null);
    } catch (PlatformException e) {
      return isNumericDate(trimmed) ? new Reading(null, e) : null;
    }
  }

  /** Digits in three groups separated by {@code -}, {@code /} or {@code .}, as DuckDB reads a date. */
  private static boolean isNumericDate(String text) {
    String[] groups = text.split("[-/.]", -1);
    return groups.length == 3 && java.util.Arrays.stream(groups).allMatch(group -> !group.isEmpty() && group.chars().allMatch(Character::isDigit));
  }

  /** {@code yyyy-mm-dd} at the start, alone or before a time. */
  private static boolean startsWithIsoDate(String text) {
    if (text.length() < 10 || text.length() > 10 && text.charAt(10) != ' ' && text.charAt(10) != 'T') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : !Character.isDigit(c)) {
        return false;
      }
    }
    return true;
  }
}
