package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Timestamp literals of years before 1 AD ({@code '4714-11-24 00:00:00 BC'::timestamp}): DuckDB's
 * timestamp input ignores the era and answered the year AD, a silently wrong value. A timestamp's
 * date is read as PostgreSQL reads it ({@link PgDateInput}) and the literal becomes that date plus
 * its time of day; a timestamp with time zone, a precision or a form the reader leaves to DuckDB is
 * refused with 0A000.
 */
public final class TimestampEraLiterals implements DialectStage {
  private static final Set<String> TYPES = Set.of("timestamp", "timestamptz");

  private final PgDateInput input;

  public TimestampEraLiterals(PgDateInput.Order order) {
    this.input = new PgDateInput(order);
  }

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.type() == TokenType.STRING && token.value().toLowerCase(java.util.Locale.ROOT).contains("bc"))) {
      return statement;
    }
    for (int i = 1; i < statement.size(); i++) {
      // timestamp with time zone '... BC': the typed literal of a type of several words.
      if (statement.token(i).type() == TokenType.STRING && statement.token(i - 1).is("zone") && beforeCommonEra(statement.token(i).value())) {
        throw refused(statement.token(i).value());
      }
    }
    TokenEdits edits = new TokenEdits(statement);
    for (LiteralCast cast : LiteralCast.find(statement, TYPES)) {
      if (cast.literal().type() != TokenType.STRING || !beforeCommonEra(cast.literal().value())) {
        continue;
      }
      String text = cast.literal().value();
      boolean withZone = cast.type().equals("timestamptz") || followedByWithTimeZone(statement, cast);
      Optional<LocalDate> date;
      try {
        date = input.read(text);
      } catch (PlatformException e) {
        throw cast.positioned(e, statement);
      }
      List<PgDateInput.Field> fields = PgDateFields.split(text);
      if (withZone || cast.typmod() || date.isEmpty() || fields.stream().anyMatch(field -> field.kind() == PgDateInput.Field.Kind.ZONE)) {
        throw refused(text);
      }
      String time = fields.stream().filter(field -> field.kind() == PgDateInput.Field.Kind.TIME).map(PgDateInput.Field::text)
          .findFirst().orElse("00:00:00");
      edits.replace(cast.start(), cast.end(), "CAST(DATE '" + DateLiterals.iso(date.get()) + "' + TIME '" + time + "' AS TIMESTAMP)");
    }
    return edits.result();
  }

  private static PlatformException refused(String text) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "this timestamp before 1 AD is not supported by the gateway: \""
        + text + "\"", null, "write a timestamp without time zone as 'YYYY-MM-DD HH:MM:SS BC'", 0, null);
  }

  private static boolean beforeCommonEra(String text) {
    List<PgDateInput.Field> fields = PgDateFields.split(text);
    return fields != null && fields.stream().anyMatch(field -> field.kind() == PgDateInput.Field.Kind.STRING && field.text().equals("bc"));
  }

  /** {@code 'x'::timestamp with time zone} or {@code CAST('x' AS timestamp with time zone)}. */
  private static boolean followedByWithTimeZone(SqlStatement statement, LiteralCast cast) {
    for (int i = 0; i + 1 < statement.size(); i++) {
      if (statement.token(i).end() == cast.end()) {
        return statement.token(i + 1).is("with");
      }
    }
    return false;
  }
}
