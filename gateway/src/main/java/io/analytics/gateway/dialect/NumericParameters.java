package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * A parameter the client declared numeric (pgjdbc's setBigDecimal, psycopg 3's Decimal) and cast
 * to {@code numeric} without precision, {@code $1::numeric}: DuckDB would cast the bound value to
 * its DECIMAL(18,3) and silently round 0.0001 to 0.000. The value already is numeric, so the cast
 * is dropped and DuckDB binds the value with its own precision and scale, as PostgreSQL keeps it.
 * A parameter of another or of unspecified type (node-postgres sends every one so) cast so becomes the
 * DECIMAL(38,10) of {@link UnconstrainedNumericColumns} rather than DuckDB's DECIMAL(18,3), which
 * rounded 0.0001 to 0.000.
 */
public final class NumericParameters {
  private static final int NUMERIC_OID = 1700;
  private static final Set<String> TYPES = Set.of("numeric", "decimal");

  private NumericParameters() {}

  public static SqlStatement apply(SqlStatement statement, List<Integer> declaredTypes) {
    if (statement.tokens().stream().noneMatch(token -> token.is("numeric") || token.is("decimal"))
        || statement.tokens().stream().noneMatch(token -> token.type() == TokenType.PARAMETER)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (LiteralCast cast : LiteralCast.find(statement, TYPES)) {
      if (cast.literal().type() != TokenType.PARAMETER || cast.typmod()) {
        continue;
      }
      int index = Integer.parseInt(cast.literal().text().substring(1)) - 1;
      int declared = index < declaredTypes.size() ? declaredTypes.get(index) : 0;
      if (declared == NUMERIC_OID) {
        edits.replace(cast.start(), cast.end(), "(" + cast.literal().text() + ")");
      } else {
        edits.replace(cast.start(), cast.end(), "CAST(" + cast.literal().text() + " AS " + UnconstrainedNumericColumns.COLUMN_TYPE + ")");
      }
    }
    return edits.result();
  }
}
