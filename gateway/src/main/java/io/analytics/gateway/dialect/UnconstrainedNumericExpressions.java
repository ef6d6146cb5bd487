package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * A computed value an INSERT ... VALUES or an UPDATE ... SET stores into a column declared {@code numeric}
 * without precision ({@code SET price = price * 1.05}, {@code VALUES (a / 3)}) is checked row by row: DuckDB's
 * cast to the column's DECIMAL(38,10) rounded a product of 12 decimals, or a double quotient, to 10 decimals
 * without a word, where PostgreSQL keeps the exact numeric. A value DECIMAL(38,10) holds exactly is stored as
 * it is; another is 22003 (DuckDbErrors maps the message). The target column of each expression is DuckDB's
 * binder's answer: the statement is prepared once (never run) with each such expression written as a
 * parameter ({@link UnconstrainedNumericLiterals} does the same for literals). Only expressions holding
 * {@code *}, {@code /}, {@code ^} or a number with decimals are considered, so that ordinary statements
 * ({@code SET n = n + 1}, pgbench's updates) pay for no probe; a computed value of more decimals from
 * elsewhere (a column of numeric(p,s) with s > 10 added to another) is not checked.
 */
public final class UnconstrainedNumericExpressions {
  private static final String MESSAGE = "a computed numeric value has more than " + UnconstrainedNumericValues.MAX_DECIMALS
      + " decimals, the most the platform's numeric without a precision holds: declare the column numeric(p,s) with the "
      + "scale it needs, or round the value with round(value, " + UnconstrainedNumericValues.MAX_DECIMALS + ")";

  private final AnyArrayParameters.ParameterTypes probe;

  public UnconstrainedNumericExpressions(AnyArrayParameters.ParameterTypes probe) {
    this.probe = requireNonNull(probe, "probe is null");
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static UnconstrainedNumericExpressions probingWith(io.analytics.engine.session.EngineSession engine) {
    return new UnconstrainedNumericExpressions(AnyArrayParameters.ParameterTypes.preparingWith(engine));
  }

  public SqlStatement apply(SqlStatement statement) {
    List<StoredValues.Span> candidates = StoredValues.of(statement).stream()
        .filter(span -> mayGainDecimals(statement.tokens(), span)).toList();
    if (candidates.isEmpty()) {
      return statement;
    }
    boolean[] unconstrained = StoredValues.unconstrainedTargets(statement, candidates, probe);
    if (unconstrained == null) {
      return statement;
    }
    TokenEdits checked = new TokenEdits(statement);
    for (int i = 0; i < candidates.size(); i++) {
      if (unconstrained[i]) {
        int start = statement.token(candidates.get(i).start()).start();
        int end = statement.token(candidates.get(i).end() - 1).end();
        checked.replace(start, end, checkedValue(statement.sql().substring(start, end)));
      }
    }
    return checked.result();
  }

  /**
   * The value, evaluated once (a lambda names it), refused when DECIMAL(38,10) would change it: a DECIMAL of more
   * decimals compares exactly, a double compares with its decimal as a double.
   */
  static String checkedValue(String expression) {
    return "list_transform([" + expression + "], lambda pg_stored: CASE WHEN pg_stored <> CAST(pg_stored AS "
        + UnconstrainedNumericColumns.COLUMN_TYPE + ") THEN error('" + MESSAGE.replace("'", "''") + "') ELSE pg_stored END)[1]";
  }

  /** Whether the expression computes (not a lone literal, parameter or name) with what may add decimals. */
  private static boolean mayGainDecimals(List<Token> tokens, StoredValues.Span span) {
    if (span.end() - span.start() < 2) {
      return false;
    }
    for (int i = span.start(); i < span.end(); i++) {
      Token token = tokens.get(i);
      boolean arithmetic = token.type() == TokenType.PUNCTUATION
          && (token.text().contains("*") || token.text().contains("/") || token.text().contains("^"));
      if (arithmetic || (token.type() == TokenType.NUMBER && (token.text().contains(".") || token.text().contains("e")
          || token.text().contains("E")))) {
        return true;
      }
    }
    return false;
  }
}
