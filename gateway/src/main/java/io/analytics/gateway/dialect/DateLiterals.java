package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Date literals ({@code DATE '...'}, {@code '...'::date}, {@code CAST('...' AS date)}) read as
 * PostgreSQL reads them under the session's DateStyle ({@link PgDateInput}) and given to DuckDB in
 * ISO form: DuckDB reads only ISO dates, and some other forms as another date ({@code '99-01-08'} as
 * the year 99, {@code '01/02/03'} as 0001-02-03), which would be silently wrong values. Input
 * PostgreSQL refuses is refused with its SQLSTATE, positioned at the literal.
 */
public final class DateLiterals implements DialectStage {
  private final PgDateInput input;

  public DateLiterals(PgDateInput.Order order) {
    this.input = new PgDateInput(order);
  }

  /** The session's stage: date literals, then timestamp literals ({@link TimestampLiterals}), read under its DateStyle. */
  public static DialectStage forDateStyle(String dateStyle) {
    PgDateInput.Order order = PgDateInput.orderOf(dateStyle);
    DateLiterals dates = new DateLiterals(order);
    TimestampLiterals timestamps = new TimestampLiterals(order);
    return statement -> timestamps.apply(dates.apply(statement));
  }

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.is("date"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (LiteralCast cast : LiteralCast.find(statement, Set.of("date"))) {
      if (cast.literal().type() != TokenType.STRING) {
        continue;
      }
      String text = cast.literal().value();
      Optional<LocalDate> date;
      try {
        date = input.read(text);
      } catch (PlatformException e) {
        throw cast.positioned(e, statement);
      }
      if (date.isPresent() && !iso(date.get()).equals(text)) {
        edits.replace(cast.literal().start(), cast.literal().end(), "'" + iso(date.get()) + "'");
      }
    }
    return edits.result();
  }

  /** The date as DuckDB reads it: ISO, years before 1 AD as PostgreSQL writes them with " (BC)". */
  static String iso(LocalDate date) {
    int year = date.getYear();
    String text = String.format("%04d-%02d-%02d", year > 0 ? year : 1 - year, date.getMonthValue(), date.getDayOfMonth());
    return year > 0 ? text : text + " (BC)";
  }
}
