package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * String literals cast to an integer type are checked as PostgreSQL reads integer input: DuckDB
 * accepts {@code '1.5'::int} and rounds it to 2, where PostgreSQL refuses it with 22P02 (the number
 * {@code 1.5::int} is a numeric cast and rounds in both). A literal out of the type's range is 22003.
 */
public final class IntegerLiterals implements DialectStage {
  private record IntegerKind(String sqlName, BigInteger min, BigInteger max) {}

  private static final IntegerKind SMALLINT = new IntegerKind("smallint", BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
  private static final IntegerKind INTEGER = new IntegerKind("integer", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
  private static final IntegerKind BIGINT = new IntegerKind("bigint", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
  private static final Map<String, IntegerKind> TYPES = Map.of(
      "int2", SMALLINT, "smallint", SMALLINT, "int", INTEGER, "int4", INTEGER, "integer", INTEGER, "int8", BIGINT, "bigint", BIGINT);
  private static final Pattern INTEGER_INPUT = Pattern.compile("\\s*[+-]?\\d+\\s*");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.type() == TokenType.STRING)) {
      return statement;
    }
    for (LiteralCast cast : LiteralCast.find(statement, TYPES.keySet())) {
      if (cast.literal().type() == TokenType.STRING) {
        try {
          check(cast.literal().value(), TYPES.get(cast.type()));
        } catch (PlatformException e) {
          throw cast.positioned(e, statement);
        }
      }
    }
    return statement;
  }

  private static void check(String input, IntegerKind kind) {
    if (!INTEGER_INPUT.matcher(input).matches()) {
      throw new PlatformException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + kind.sqlName() + ": \"" + input + "\"");
    }
    BigInteger value = new BigInteger(input.strip().replace("+", ""));
    if (value.compareTo(kind.min()) < 0 || value.compareTo(kind.max()) > 0) {
      throw new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + input + "\" is out of range for type " + kind.sqlName());
    }
  }
}
