package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.sql.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Literals cast to {@code numeric} (or {@code decimal}) without a precision keep every digit, as in
 * PostgreSQL: DuckDB reads an unconstrained DECIMAL as DECIMAL(18,3), so {@code '0.0001'::numeric}
 * would silently become 0.000 and {@code '12.34'::numeric} 12.340. Each such cast gets the exact
 * DECIMAL(precision, scale) of its literal; a literal that needs more than DuckDB's 38 digits is
 * 22003, and NaN and the infinities (which DuckDB's DECIMAL cannot hold) are 0A000, never a rounding.
 */
public final class NumericLiterals implements DialectStage {
  private static final Set<String> TYPES = Set.of("numeric", "decimal");
  private static final int MAX_PRECISION = 38;

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.is("numeric") || token.is("decimal"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (LiteralCast cast : LiteralCast.find(statement, TYPES)) {
      if (!cast.typmod() && cast.literal().type() != TokenType.PARAMETER) {
        String text = cast.literal().type() == TokenType.STRING ? cast.literal().value() : cast.literal().text();
        try {
          int[] span = withOuterCast(statement, cast);
          edits.replace(span[0], span[1], "CAST(" + cast.literal().text() + " AS " + exactType(text) + ")");
        } catch (PlatformException e) {
          throw cast.positioned(e, statement);
        }
      }
    }
    return edits.result();
  }

  /**
   * The span to replace: the cast itself, or with an unconstrained numeric cast around it, as pgjdbc
   * writes an inlined BigDecimal parameter in simple query mode ({@code ('0.0001'::numeric)::numeric},
   * {@code CAST(('1.5'::numeric) AS numeric)}); the outer cast would round to DECIMAL(18,3) again.
   */
  private static int[] withOuterCast(SqlStatement statement, LiteralCast cast) {
    List<Token> tokens = statement.tokens();
    int literal = tokens.indexOf(cast.literal());
    int type = literal + 2;
    boolean parenthesized = literal >= 1 && type + 1 < tokens.size() && tokens.get(literal - 1).isPunctuation('(')
        && tokens.get(literal + 1).text().equals("::") && tokens.get(type + 1).isPunctuation(')');
    if (!parenthesized || type + 3 >= tokens.size()) {
      return new int[] {cast.start(), cast.end()};
    }
    boolean unconstrainedAfter = type + 4 >= tokens.size() || !tokens.get(type + 4).isPunctuation('(');
    if (tokens.get(type + 2).text().equals("::") && isNumeric(tokens.get(type + 3)) && unconstrainedAfter) {
      return new int[] {tokens.get(literal - 1).start(), tokens.get(type + 3).end()};
    }
    if (literal >= 3 && tokens.get(literal - 2).isPunctuation('(') && tokens.get(literal - 3).is("CAST") && tokens.get(type + 2).is("AS")
        && isNumeric(tokens.get(type + 3)) && type + 4 < tokens.size() && tokens.get(type + 4).isPunctuation(')')) {
      return new int[] {tokens.get(literal - 3).start(), tokens.get(type + 4).end()};
    }
    return new int[] {cast.start(), cast.end()};
  }

  private static boolean isNumeric(Token token) {
    return token.is("numeric") || token.is("decimal");
  }

  /** DuckDB's DECIMAL type that holds this numeric input exactly. */
  static String exactType(String input) {
    String text = input.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("nan") || lower.matches("[+-]?inf(inity)?")) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
          "numeric " + text + " is not supported: the gateway's numeric is DuckDB's DECIMAL, which has no NaN or infinity",
          null, "use double precision ('" + text + "'::float8) for special values", 0, null);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      throw new PlatformException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \"" + input + "\"");
    }
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
    int scale = value.scale();
    int integerDigits = Math.max(value.precision() - scale, 1);
    int precision = integerDigits + scale;
    if (precision > MAX_PRECISION) {
      throw new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "numeric value " + abbreviated(text) + " needs " + precision + " digits; the gateway's numeric (DuckDB's DECIMAL) holds at most "
              + MAX_PRECISION, null, "round it, or use double precision", 0, null);
    }
    return "DECIMAL(" + precision + "," + scale + ")";
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
