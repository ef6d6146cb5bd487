package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A literal of more than 10 decimals that an INSERT or UPDATE stores into a column declared
 * {@code numeric} without precision ({@code INSERT INTO t VALUES (0.123456789012345)}) is refused
 * with 22003 ({@link UnconstrainedNumericValues}), where DuckDB's cast to the column's DECIMAL(38,10)
 * rounded it silently. Which column a literal lands in is DuckDB's binder's answer, not the
 * gateway's guess: the statement is prepared once (never run) with each such literal written as a
 * parameter, and DuckDB infers that parameter's type from its column, as it does for a client's
 * {@code VALUES ($1)}. Only statements holding such a literal pay for the probe; one DuckDB cannot
 * prepare so is left to run as it is.
 */
public final class UnconstrainedNumericLiterals {
  private final AnyArrayParameters.ParameterTypes probe;

  public UnconstrainedNumericLiterals(AnyArrayParameters.ParameterTypes probe) {
    this.probe = requireNonNull(probe, "probe is null");
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static UnconstrainedNumericLiterals probingWith(EngineSession engine) {
    return new UnconstrainedNumericLiterals(AnyArrayParameters.ParameterTypes.preparingWith(engine));
  }

  /** A literal to check: its token extent (end exclusive) and its value. */
  record Literal(int start, int end, BigDecimal value) {}

  public SqlStatement apply(SqlStatement statement) {
    String keyword = statement.keyword();
    if (!keyword.equals("INSERT") && !keyword.equals("UPDATE")) {
      return statement;
    }
    List<Literal> literals = literals(statement.tokens());
    if (literals.isEmpty()) {
      return statement;
    }
    boolean[] unconstrained = StoredValues.unconstrainedTargets(statement,
        literals.stream().map(literal -> new StoredValues.Span(literal.start(), literal.end())).toList(), probe);
    for (int i = 0; unconstrained != null && i < literals.size(); i++) {
      if (unconstrained[i]) {
        throw UnconstrainedNumericValues.tooManyDecimals(literals.get(i).value().toPlainString());
      }
    }
    return statement;
  }

  /**
   * Number literals, number strings and DECIMAL casts of them ({@link NumericLiterals}' {@code CAST('0.1' AS
   * DECIMAL(1,1))}) with more than 10 significant decimals, each with a unary minus before it.
   */
  static List<Literal> literals(List<Token> tokens) {
    List<Literal> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() != TokenType.NUMBER && token.type() != TokenType.STRING) {
        continue;
      }
      BigDecimal value = UnconstrainedNumericValues.parse(token.type() == TokenType.STRING ? token.value() : token.text());
      if (value == null || !UnconstrainedNumericValues.exceeds(value)) {
        continue;
      }
      int start = i;
      int end = i + 1;
      int castEnd = decimalCastEnd(tokens, i);
      if (castEnd > 0) {
        start = i - 2;
        end = castEnd;
      }
      if (start >= 2 && tokens.get(start - 1).isPunctuation('-') && !endsOperand(tokens.get(start - 2))) {
        start--;
        value = value.negate();
      }
      found.add(new Literal(start, end, value));
      i = end - 1;
    }
    return found;
  }

  /** For the literal at {@code i} inside {@code CAST(literal AS DECIMAL(p,s))}, the index after the cast; else -1. */
  private static int decimalCastEnd(List<Token> tokens, int i) {
    boolean cast = i >= 2 && tokens.get(i - 2).is("CAST") && tokens.get(i - 1).isPunctuation('(') && i + 8 < tokens.size()
        && tokens.get(i + 1).is("AS") && tokens.get(i + 2).is("DECIMAL") && tokens.get(i + 3).isPunctuation('(')
        && tokens.get(i + 7).isPunctuation(')') && tokens.get(i + 8).isPunctuation(')');
    return cast ? i + 9 : -1;
  }

  /** Whether a token ends an operand, making a following minus binary. */
  private static boolean endsOperand(Token token) {
    return token.type() == TokenType.NUMBER || token.type() == TokenType.STRING || token.type() == TokenType.PARAMETER
        || token.type() == TokenType.QUOTED_IDENTIFIER || token.isPunctuation(')') || token.isPunctuation(']')
        || (token.type() == TokenType.WORD && !token.is("VALUES") && !token.is("SELECT") && !token.is("SET") && !token.is("THEN")
            && !token.is("ELSE") && !token.is("WHEN") && !token.is("AND") && !token.is("OR") && !token.is("NOT"));
  }
}
