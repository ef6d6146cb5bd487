package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Optional;

/**
 * Timestamp literals ({@code '...'::timestamp}, {@code CAST('...' AS timestamp with time zone)}, {@code timestamptz
 * '...'}, {@code timestamp without time zone '...'}) read as PostgreSQL reads them ({@link PgTimestampInput}) and given
 * to DuckDB as the same value: DuckDB's timestamp input refuses most of PostgreSQL's forms ({@code 'Mon Feb 10 17:32:01
 * 1997 PST'}, {@code 'now'}, {@code 'tomorrow EST'}, {@code 'J2450000'}), reads others as other values (it ignores
 * {@code BC}, truncates a seventh fractional digit PostgreSQL rounds), and knows none of PostgreSQL's zone
 * abbreviations. Input PostgreSQL refuses is refused with its SQLSTATE, positioned at the literal.
 */
public final class TimestampLiterals implements DialectStage {
  private final PgTimestampInput timestamps;
  private final PgTimestampInput timestampsWithZone;

  public TimestampLiterals(PgDateInput.Order order) {
    this.timestamps = new PgTimestampInput(order, false);
    this.timestampsWithZone = new PgTimestampInput(order, true);
  }

  /** A string literal given a timestamp type: the tokens the typed-literal form's type takes, and whether it has a zone. */
  private record Typed(int literal, int typeStart, boolean withTimeZone) {}

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.is("timestamp") || token.is("timestamptz"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < statement.size(); i++) {
      if (statement.token(i).type() != TokenType.STRING) {
        continue;
      }
      Optional<Typed> typed = typed(statement, i);
      if (typed.isEmpty()) {
        continue;
      }
      Token literal = statement.token(i);
      boolean withTimeZone = typed.get().withTimeZone();
      Optional<PgTimestamp> value;
      try {
        value = (withTimeZone ? timestampsWithZone : timestamps).read(literal.value());
      } catch (PlatformException e) {
        int position = statement.sql().codePointCount(0, literal.start()) + 1;
        throw new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), position, e);
      }
      if (value.isEmpty() || PgTimestampInput.readAlikeByDuckDb(literal.value())) {
        continue;
      }
      String sql = value.get().sql(withTimeZone);
      if (sql.equals("'" + literal.value() + "'")) {
        continue;
      }
      if (!sql.startsWith("'") && typed.get().typeStart() >= 0) {
        // timestamp 'x' takes only a string: the whole typed literal becomes a cast of the expression.
        String type = withTimeZone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
        edits.replace(statement.token(typed.get().typeStart()).start(), literal.end(), "CAST(" + sql + " AS " + type + ")");
      } else {
        edits.replace(literal.start(), literal.end(), sql.startsWith("'") ? sql : "(" + sql + ")");
      }
    }
    return edits.result();
  }

  /** The literal at {@code i} when a timestamp type is given to it (typeStart -1 unless it is the typed-literal form). */
  private static Optional<Typed> typed(SqlStatement statement, int i) {
    int after = i + 1;
    if (after + 1 < statement.size() && statement.token(after).isPunctuation(')') && i >= 1 && statement.token(i - 1).isPunctuation('(')
        && LiteralCast.isGrouping(statement.tokens(), i - 1) && statement.token(after + 1).text().equals("::")) {
      after++; // ('x')::timestamp, as pgjdbc inlines a parameter
    }
    boolean cast = after < statement.size() && statement.token(after).text().equals("::");
    boolean castCall = i >= 2 && statement.token(i - 1).isPunctuation('(') && statement.token(i - 2).is("CAST")
        && after < statement.size() && statement.token(after).is("AS");
    if (cast || castCall) {
      Boolean withTimeZone = typeAt(statement, after + 1);
      return withTimeZone == null ? Optional.empty() : Optional.of(new Typed(i, -1, withTimeZone));
    }
    if (i >= 1 && (statement.token(i - 1).is("timestamp") || statement.token(i - 1).is("timestamptz")) && !castBefore(statement, i - 1)) {
      return Optional.of(new Typed(i, i - 1, statement.token(i - 1).is("timestamptz")));
    }
    if (i >= 4 && statement.token(i - 1).is("zone") && statement.token(i - 2).is("time") && statement.token(i - 4).is("timestamp")
        && (statement.token(i - 3).is("with") || statement.token(i - 3).is("without")) && !castBefore(statement, i - 4)) {
      return Optional.of(new Typed(i, i - 4, statement.token(i - 3).is("with")));
    }
    return Optional.empty();
  }

  /** Whether the type name at {@code type} is a cast's target ({@code x::timestamp 'y'} is no typed literal). */
  private static boolean castBefore(SqlStatement statement, int type) {
    return type >= 1 && (statement.token(type - 1).text().equals("::") || statement.token(type - 1).is("AS"));
  }

  /** Whether the type starting at {@code index} is timestamptz (true), timestamp (false), or neither (null). */
  private static Boolean typeAt(SqlStatement statement, int index) {
    if (index >= statement.size()) {
      return null;
    }
    int next = index + 1;
    if (next + 2 < statement.size() && statement.token(next).isPunctuation('(') && statement.token(next + 2).isPunctuation(')')) {
      next += 3; // a precision
    }
    if (next < statement.size() && statement.token(next).isPunctuation('[')) {
      return null;
    }
    if (statement.token(index).is("timestamptz")) {
      return true;
    }
    if (!statement.token(index).is("timestamp")) {
      return null;
    }
    return next + 2 < statement.size() && statement.token(next).is("with") && statement.token(next + 1).is("time")
        && statement.token(next + 2).is("zone");
  }
}
