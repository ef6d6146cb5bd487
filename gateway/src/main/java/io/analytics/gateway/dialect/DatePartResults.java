package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code date_part(field, value)} answers double precision, as in PostgreSQL: DuckDB answers BIGINT for most fields
 * (a driver then maps a year to a long where PostgreSQL's gives a double), and whole milliseconds where PostgreSQL
 * keeps the microseconds' fraction (25575.401 ms into the minute, not 25575). The call is cast to DOUBLE; the
 * milliseconds are computed from DuckDB's microseconds field. The seconds field is {@link ExtractSeconds}'. The
 * fields that grow without bound (year, decade, century, millennium, isoyear, julian, epoch) are
 * {@link PgDatePartMacros}', which answer infinity for an infinite value and count years before 1 AD as PostgreSQL does.
 */
public final class DatePartResults implements DialectStage {
  private static final Set<String> SECONDS = Set.of("second", "seconds", "sec", "secs", "s");
  private static final Set<String> MILLISECONDS = Set.of("millisecond", "milliseconds", "ms", "msec", "msecs", "millisecon", "mseconds");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("date_part"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 3 < tokens.size(); i++) {
      if (!tokens.get(i).is("date_part") || !tokens.get(i + 1).isPunctuation('(') || i > 0 && tokens.get(i - 1).isPunctuation('.')) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0) {
        continue;
      }
      Token field = tokens.get(i + 2);
      String name = field.type() == TokenType.STRING && tokens.get(i + 3).isPunctuation(',') ? field.value().toLowerCase(Locale.ROOT) : "";
      if (SECONDS.contains(name)) {
        continue;
      }
      String unbounded = PgDatePartMacros.unboundedField(name);
      if (unbounded != null) {
        edits.replace(tokens.get(i).start(), tokens.get(close).start(),
            PgDatePartMacros.MACROS.get(unbounded) + "(" + statement.sql().substring(tokens.get(i + 4).start(), tokens.get(close).start()));
      } else if (MILLISECONDS.contains(name)) {
        edits.replace(tokens.get(i).start(), field.end(), "(CAST(date_part('microseconds'");
        edits.replace(tokens.get(close).start(), tokens.get(close).end(), ") AS DOUBLE) / 1000)");
      } else {
        edits.replace(tokens.get(i).start(), tokens.get(i).start(), "CAST(");
        edits.replace(tokens.get(close).end(), tokens.get(close).end(), " AS DOUBLE)");
      }
    }
    return edits.result();
  }
}
