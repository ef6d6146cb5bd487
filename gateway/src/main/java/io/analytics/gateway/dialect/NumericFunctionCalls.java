package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Map;

/**
 * sqrt, exp, ln, log, log10, power and pow of numeric expressions are refused rather than answered
 * in double precision: DuckDB computes them as doubles (float8, about 15 digits), where PostgreSQL
 * answers an exact numeric with its own result scale. The calls become the session's {@link
 * PgNumericFunctionMacros}, whose overloads DuckDB's binder picks by argument type: a DECIMAL
 * argument raises 0A000 (its message suggests a float8 cast), integers and floats keep DuckDB's
 * double function, as PostgreSQL's float8 one. Calls of constants are {@link NumericConstants}'
 * work and are exact; statements that store SQL (views, macros) keep DuckDB's functions.
 */
public final class NumericFunctionCalls implements DialectStage {
  private static final Map<String, String> MACROS = Map.of(
      "sqrt", PgNumericFunctionMacros.SQRT, "exp", PgNumericFunctionMacros.EXP, "ln", PgNumericFunctionMacros.LN,
      "log", PgNumericFunctionMacros.LOG, "log10", PgNumericFunctionMacros.LOG10, "power", PgNumericFunctionMacros.POWER,
      "pow", PgNumericFunctionMacros.POWER, "round", PgNumericFunctionMacros.ROUND);

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!QueryStatements.isQuery(statement) || tokens.stream().noneMatch(NumericFunctionCalls::isFunctionName)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (isFunctionName(token) && tokens.get(i + 1).isPunctuation('(') && (i == 0 || !tokens.get(i - 1).isPunctuation('.'))) {
        edits.replace(token.start(), token.end(), MACROS.get(token.value()));
      }
    }
    return edits.result();
  }

  private static boolean isFunctionName(Token token) {
    return token.type() == TokenType.WORD && MACROS.containsKey(token.value());
  }
}
