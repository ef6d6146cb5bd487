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
 * A string literal that {@code INSERT ... VALUES} or {@code UPDATE ... SET} stores into a DATE column is read as
 * PostgreSQL reads date input under the session's DateStyle ({@link PgDateInput}) and given to DuckDB in ISO form:
 * DuckDB read {@code '01/02/03'} as 0001-02-03 and {@code '99-01-08'} as the year 99 (PostgreSQL: 2003-01-02 and
 * 1999-01-08 under MDY), silently wrong dates, and refused {@code 'January 8, 1999'} and {@code '2040-04-10 BC'}. Which
 * column a literal lands in is DuckDB's binder's answer (the statement is prepared once, never run, with such literals
 * as parameters, see {@link StoredValues#targetTypes}); only statements holding a literal PostgreSQL reads as a date
 * in a form other than ISO pay for that probe. Input PostgreSQL refuses as a date stays for DuckDB to refuse.
 */
public final class StoredDateLiterals {
  /** A date literal as PostgreSQL reads it: its ISO form, or the error PostgreSQL raises for it. */
  record Reading(String iso, PlatformException refusal) {}

  private final AnyArrayParameters.ParameterTypes probe;

  public StoredDateLiterals(AnyArrayParameters.ParameterTypes probe) {
    this.probe = requireNonNull(probe, "probe is null");
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static StoredDateLiterals probingWith(EngineSession engine) {
    return new StoredDateLiterals(AnyArrayParameters.ParameterTypes.preparingWith(engine));
  }

  /** The statement with its stored date literals in ISO form, read under {@code dateStyle} (a DateStyle setting). */
  public SqlStatement apply(SqlStatement statement, String dateStyle) {
    String keyword = statement.keyword();
    if (!keyword.equals("INSERT") && !keyword.equals("UPDATE")) {
      return statement;
    }
    PgDateInput input = new PgDateInput(PgDateInput.orderOf(dateStyle));
    List<StoredValues.Span> spans = new ArrayList<>();
    List<Reading> readings = new ArrayList<>();
    for (StoredValues.Span span : StoredValues.of(statement)) {
      Token value = statement.token(span.start());
      if (span.end() - span.start() == 1 && value.type() == TokenType.STRING) {
        Reading reading = read(input, value.value());
        if (reading != null && !value.value().equals(reading.iso())) {
          spans.add(span);
          readings.add(reading);
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
    for (int i = 0; i < spans.size(); i++) {
      if ("DATE".equals(types.get(i))) {
        if (readings.get(i).refusal() != null) {
          throw readings.get(i).refusal();
        }
        Token value = statement.token(spans.get(i).start());
        edits.replace(value.start(), value.end(), "'" + readings.get(i).iso() + "'");
      }
    }
    return edits.result();
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
