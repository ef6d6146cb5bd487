package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A literal cast to a floating-point type that does not fit it is 22003, as in PostgreSQL: DuckDB
 * reads {@code '10e400'::float8} as Infinity and {@code '10e-400'::float8} as 0, silently. A value
 * beyond the type's range, or a non-zero one that rounds to zero, is refused; NaN and the infinities
 * spelled out stay what they are.
 */
public final class FloatLiterals implements DialectStage {
  private static final Set<String> REALS = Set.of("float4", "real");
  private static final Set<String> TYPES = Set.of("float8", "double", "float", "float4", "real");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.type() == TokenType.WORD && TYPES.contains(token.value()))) {
      return statement;
    }
    for (LiteralCast cast : LiteralCast.find(statement, TYPES)) {
      if (cast.literal().type() == TokenType.PARAMETER) {
        continue;
      }
      String text = cast.literal().type() == TokenType.STRING ? cast.literal().value() : cast.literal().text();
      try {
        check(text, REALS.contains(cast.type()));
      } catch (PlatformException e) {
        throw cast.positioned(e, statement);
      }
    }
    return statement;
  }

  /** Refuses {@code input} when it is a number the type cannot hold. */
  static void check(String input, boolean real) {
    String text = input.strip();
    BigDecimal exact;
    try {
      exact = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return; // NaN, infinity, or not a number at all: DuckDB reads or refuses it as PostgreSQL does
    }
    double value = real ? Float.parseFloat(text) : Double.parseDouble(text);
    if (Double.isInfinite(value) || value == 0 && exact.signum() != 0) {
      throw new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "\"" + input + "\" is out of range for type " + (real ? "real" : "double precision"));
    }
  }
}
