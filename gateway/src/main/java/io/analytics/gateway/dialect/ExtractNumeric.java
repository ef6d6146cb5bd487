package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code EXTRACT(field FROM x)} is numeric in PostgreSQL 14 and later (DuckDB answers bigint or
 * double): whole-number fields become numeric with no decimals, milliseconds numeric with 3, the
 * epoch of a date or timestamp numeric with 0 or 6 ({@link PgExtractMacros}); fields that grow
 * without bound are refused for an infinite date or timestamp, whose PostgreSQL answer (infinity)
 * DuckDB's DECIMAL cannot hold. The seconds field is {@link ExtractSeconds}'s; julian and unknown
 * fields stay DuckDB's. {@code date_part} keeps PostgreSQL's double precision and is left alone.
 */
public final class ExtractNumeric implements DialectStage {
  /** PostgreSQL's other spellings of the fields that grow without bound. */
  private static final java.util.Map<String, String> UNBOUNDED_SPELLINGS = java.util.Map.of(
      "years", "year", "decades", "decade", "centuries", "century", "millennia", "millennium", "millenniums", "millennium");
  private static final Set<String> WHOLE = Set.of(
      "month", "months", "day", "days", "hour", "hours", "minute", "minutes", "quarter", "week", "dow", "isodow", "doy",
      "microsecond", "microseconds", "timezone", "timezone_hour", "timezone_minute");
  private static final Set<String> MILLISECONDS = Set.of("millisecond", "milliseconds");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("extract"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 4 < tokens.size(); i++) {
      if (!tokens.get(i).is("extract") || !tokens.get(i + 1).isPunctuation('(') || !tokens.get(i + 3).is("FROM")
          || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      String field = field(tokens.get(i + 2));
      if (close < 0 || field == null) {
        continue;
      }
      String source = statement.sql().substring(tokens.get(i + 4).start(), tokens.get(close).start()).strip();
      String call = statement.sql().substring(tokens.get(i).start(), tokens.get(close).end());
      String translated = translated(field, source, call);
      if (translated != null) {
        edits.replace(tokens.get(i).start(), tokens.get(close).end(), translated);
      }
    }
    return edits.result();
  }

  private static String translated(String field, String source, String call) {
    String unbounded = PgExtractMacros.UNBOUNDED.get(UNBOUNDED_SPELLINGS.getOrDefault(field, field));
    if (unbounded != null) {
      return unbounded + "(" + source + ")";
    }
    if (WHOLE.contains(field)) {
      return "CAST(" + call + " AS DECIMAL(18,0))";
    }
    if (MILLISECONDS.contains(field)) {
      return "(CAST(extract(microseconds FROM " + source + ") AS DECIMAL(18,0)) * CAST(0.001 AS DECIMAL(4,3)))";
    }
    if (field.equals("epoch")) {
      return PgExtractMacros.EPOCH + "(" + source + ")";
    }
    return null;
  }

  private static String field(Token token) {
    if (token.type() != TokenType.WORD && token.type() != TokenType.STRING) {
      return null;
    }
    return token.value().toLowerCase(Locale.ROOT);
  }
}
