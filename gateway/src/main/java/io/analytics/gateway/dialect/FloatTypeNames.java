package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * The type name {@code float} means double precision in PostgreSQL and single precision in DuckDB,
 * so {@code 3.141592653589793::float} would silently lose half its digits: {@code float} becomes
 * DOUBLE, and {@code float(p)} becomes REAL for p of 1 to 24 and DOUBLE for 25 to 53, as in
 * PostgreSQL (other precisions are 22023 there and here). {@code float4}, {@code float8}, {@code
 * real} and {@code double precision} already mean the same in both.
 */
public final class FloatTypeNames implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!token.is("float") || isQualified(tokens, i)) {
        continue;
      }
      if (edits == null) {
        edits = new TokenEdits(statement);
      }
      if (i + 3 < tokens.size() && tokens.get(i + 1).isPunctuation('(') && tokens.get(i + 2).type() == TokenType.NUMBER
          && tokens.get(i + 3).isPunctuation(')')) {
        edits.replace(token.start(), tokens.get(i + 3).end(), forPrecision(tokens.get(i + 2).text()));
        i += 3;
      } else {
        edits.replace(token.start(), token.end(), "DOUBLE");
      }
    }
    return edits == null ? statement : edits.result();
  }

  /** A name after or before a dot is a column or table called float, not the type. */
  private static boolean isQualified(List<Token> tokens, int index) {
    return (index > 0 && tokens.get(index - 1).isPunctuation('.'))
        || (index + 1 < tokens.size() && tokens.get(index + 1).isPunctuation('.'));
  }

  private static String forPrecision(String digits) {
    int precision;
    try {
      precision = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      precision = -1;
    }
    if (precision < 1) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be at least 1 bit");
    }
    if (precision > 53) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be less than 54 bits");
    }
    return precision <= 24 ? "REAL" : "DOUBLE";
  }
}
