package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * Casts to a date/time type with a precision ({@code now()::timestamp(0)}, {@code CAST(x AS timestamp(3) with time
 * zone)}, {@code x::time(6)}). DuckDB takes no precision there and kept every microsecond, so
 * {@code '10:00:00.126'::timestamp(2)} answered {@code .126} where PostgreSQL rounds to {@code .13}. A precision of 6
 * (or more, which PostgreSQL reduces to 6) is DuckDB's own and is dropped. A timestamp to fewer digits is rounded as
 * PostgreSQL's AdjustTimestampForTypmod rounds: half away from zero on the microseconds since 2000, infinities kept; the operand is evaluated once, inside a one-element
 * list's lambda. A time of day to fewer digits is refused with 0A000 rather than answered unrounded.
 */
public final class TemporalPrecisionCasts implements DialectStage {
  /** 2000-01-01 00:00:00 UTC in microseconds since 1970, PostgreSQL's epoch for timestamps. */
  private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(TemporalPrecisionCasts::mayStartType)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    // From the end, so that an outer cast opens before an inner one at the same place.
    for (int i = tokens.size() - 2; i >= 1; i--) {
      boolean doubleColon = tokens.get(i).text().equals("::");
      if (!doubleColon && !tokens.get(i).is("as")) {
        continue;
      }
      Optional<TemporalTypeName> type = TemporalTypeName.at(statement, i + 1);
      if (type.isEmpty()) {
        continue;
      }
      if (type.get().precision() >= TemporalTypeName.MICROSECONDS) {
        edits.replace(tokens.get(i + 1).start(), tokens.get(type.get().end() - 1).end(), type.get().duckDbType());
      } else if (!type.get().timestamp()) {
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "a cast to " + type.get().postgresName()
            + " is not supported: the gateway's times keep microseconds; cast to time and round in the query");
      } else if (!CastCalls.wrap(statement, i, type.get().end(), "list_transform([CAST(",
          " AS " + type.get().duckDbType() + ")], " + rounding(type.get()) + ")[1]", edits) && doubleColon) {
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
            "this cast to " + type.get().postgresName() + " is not supported; write CAST(... AS " + type.get().postgresName() + ")");
      }
    }
    return edits.result();
  }

  /**
   * Every date/time type with a precision written without it, wherever it stands: the statement DuckDB's parser can
   * read for naming its result columns (a cast's column is named after its type, whatever its precision).
   */
  static SqlStatement withoutPrecisions(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(TemporalPrecisionCasts::mayStartType)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < statement.size(); i++) {
      Optional<TemporalTypeName> type = TemporalTypeName.at(statement, i);
      if (type.isPresent()) {
        edits.replace(statement.token(i).start(), statement.token(type.get().end() - 1).end(), type.get().duckDbType());
      }
    }
    return edits.result();
  }

  private static boolean mayStartType(Token token) {
    return token.type() == TokenType.WORD && token.value().startsWith("time");
  }

  /**
   * The lambda that rounds one timestamp to the type's precision as PostgreSQL's AdjustTimestampForTypmod does: half away
   * from zero on the microseconds since PostgreSQL's epoch, 2000-01-01 (so a half second in 1980 rounds down, being
   * before it).
   */
  private static String rounding(TemporalTypeName type) {
    long unit = (long) Math.pow(10, TemporalTypeName.MICROSECONDS - type.precision());
    long half = unit / 2;
    String micros = "(epoch_us(v) - " + POSTGRES_EPOCH_MICROS + ")";
    String back = " + " + POSTGRES_EPOCH_MICROS + (type.withTimeZone() ? ") AT TIME ZONE 'UTC'" : ")");
    return "lambda v: CASE WHEN NOT isfinite(v) THEN v WHEN " + micros + " >= 0 THEN make_timestamp(((" + micros + " + " + half + ") // "
        + unit + ") * " + unit + back + " ELSE make_timestamp(-(((-" + micros + " + " + half + ") // " + unit + ") * " + unit + ")" + back + " END";
  }
}
