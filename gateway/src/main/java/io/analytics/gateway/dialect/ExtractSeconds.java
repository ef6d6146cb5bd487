package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The seconds field keeps its fraction, as in PostgreSQL: DuckDB's {@code extract(second ...)} and
 * {@code date_part('second', ...)} are whole seconds (45 for 14:30:45.5), a silently wrong value.
 * Both are computed from DuckDB's microseconds field (seconds and fraction within the minute):
 * {@code extract} as numeric with 6 decimals ({@code 45.500000}, PostgreSQL 14+'s type and scale),
 * {@code date_part} as double precision ({@code 45.5}).
 */
public final class ExtractSeconds implements DialectStage {
  private static final Set<String> SECOND = Set.of("second", "seconds", "sec", "secs", "s");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("extract") || token.is("date_part"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 3 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!tokens.get(i + 1).isPunctuation('(') || !isSecond(tokens.get(i + 2)) || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0) {
        continue;
      }
      if (token.is("extract") && tokens.get(i + 3).is("FROM")) {
        edits.replace(token.start(), tokens.get(i + 2).end(), "(CAST(extract(microseconds");
        edits.replace(tokens.get(close).start(), tokens.get(close).end(), ") AS DECIMAL(18,0)) * CAST(0.000001 AS DECIMAL(7,6)))");
      } else if (token.is("date_part") && tokens.get(i + 2).type() == TokenType.STRING && tokens.get(i + 3).isPunctuation(',')) {
        edits.replace(token.start(), tokens.get(i + 2).end(), "(CAST(date_part('microseconds'");
        edits.replace(tokens.get(close).start(), tokens.get(close).end(), ") AS DOUBLE) / 1000000)");
      }
    }
    return edits.result();
  }

  private static boolean isSecond(Token field) {
    return (field.type() == TokenType.WORD || field.type() == TokenType.STRING) && SECOND.contains(field.value().toLowerCase(Locale.ROOT));
  }
}
