package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.math.BigDecimal;
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
      if (!cast.typmod()) {
        String text = cast.literal().type() == TokenType.STRING ? cast.literal().value() : cast.literal().text();
        try {
          edits.replace(cast.start(), cast.end(), "CAST(" + cast.literal().text() + " AS " + exactType(text) + ")");
        } catch (PlatformException e) {
          throw cast.positioned(e, statement);
        }
      }
    }
    return edits.result();
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
