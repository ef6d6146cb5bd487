package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.numeric.PgNumericMath;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Numeric division, {@code ^}, sqrt, exp, ln, log and power of constants, computed as PostgreSQL
 * computes them ({@link PgNumericMath}): DuckDB answers these in double precision, so {@code 70.0 /
 * 70} was the float8 1 where PostgreSQL shows the numeric 1.00000000000000000000, and {@code exp(1.0)}
 * lost its last digits. The call or operation becomes its exact result, a DECIMAL of the result's
 * own scale, so it prints as PostgreSQL's does; a result of more than DuckDB's 38 digits is 22003
 * rather than rounded, and PostgreSQL's errors (2201E, 2201F, 22012, 22003) are raised here.
 * Operands are numeric constants, at least one of them numeric (PostgreSQL's choice of the numeric
 * function); integer-only calls stay double precision, as PostgreSQL's are.
 */
public final class NumericConstants implements DialectStage {
  private static final Set<String> FUNCTIONS = Set.of("sqrt", "exp", "ln", "log", "log10", "power", "pow");
  /** Operators that bind at least as tightly as division: an operand after one of them is not division's left operand. */
  private static final Set<String> TIGHTER_BEFORE = Set.of("*", "/", "%", "^", "::", ".");
  private static final Set<String> TIGHTER_AFTER = Set.of("^", "::", "[", ".");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(NumericConstants::mayFold)) {
      return statement;
    }
    return RepeatedRewrite.apply(statement, NumericConstants::foldFirst);
  }

  private static boolean mayFold(Token token) {
    return token.isPunctuation('/') || token.isPunctuation('^') || token.type() == TokenType.WORD && FUNCTIONS.contains(token.value());
  }

  private static SqlStatement foldFirst(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      Folding folding = token.type() == TokenType.WORD ? call(statement, i) : token.type() == TokenType.PUNCTUATION ? operation(tokens, i) : null;
      if (folding != null) {
        TokenEdits edits = new TokenEdits(statement);
        String literal;
        try {
          literal = "CAST('" + folding.value.toPlainString() + "' AS " + NumericLiterals.exactType(folding.value.toPlainString()) + ")";
        } catch (PlatformException e) {
          throw positioned(e, statement, tokens.get(folding.start));
        }
        edits.replace(tokens.get(folding.start).start(), tokens.get(folding.end - 1).end(), literal);
        return edits.result();
      }
    }
    return null;
  }

  private record Folding(BigDecimal value, int start, int end) {}

  /** {@code f(constants)}: its value, or null when it is not a numeric function of numeric constants. */
  private static Folding call(SqlStatement statement, int i) {
    List<Token> tokens = statement.tokens();
    Token name = tokens.get(i);
    if (!FUNCTIONS.contains(name.value()) || i + 1 >= tokens.size() || !tokens.get(i + 1).isPunctuation('(')
        || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
      return null;
    }
    int close = statement.closingParenthesis(i + 1);
    List<NumericOperand> arguments = new ArrayList<>();
    int next = i + 2;
    while (close > 0 && next < close) {
      NumericOperand argument = NumericOperand.at(tokens, next);
      if (argument == null || !(argument.end() == close || tokens.get(argument.end()).isPunctuation(','))) {
        return null;
      }
      arguments.add(argument);
      next = argument.end() + 1;
    }
    if (close < 0 || !numericCall(arguments)) {
      return null;
    }
    try {
      BigDecimal value = evaluate(name.value(), arguments);
      return value == null ? null : new Folding(value, i, close + 1);
    } catch (PlatformException e) {
      throw positioned(e, statement, name);
    }
  }

  private static BigDecimal evaluate(String function, List<NumericOperand> arguments) {
    BigDecimal first = arguments.get(0).value();
    return switch (function + "/" + arguments.size()) {
      case "sqrt/1" -> PgNumericMath.sqrt(first);
      case "exp/1" -> PgNumericMath.exp(first);
      case "ln/1" -> PgNumericMath.ln(first);
      case "log/1", "log10/1" -> PgNumericMath.log(BigDecimal.TEN, first);
      case "log/2" -> PgNumericMath.log(first, arguments.get(1).value());
      case "power/2", "pow/2" -> PgNumericMath.power(first, arguments.get(1).value());
      default -> null;
    };
  }

  /** {@code a / b} or {@code a ^ b} of constants at operator {@code i}, when no neighbour binds an operand more tightly. */
  private static Folding operation(List<Token> tokens, int i) {
    Token operator = tokens.get(i);
    if (!operator.isPunctuation('/') && !operator.isPunctuation('^')) {
      return null;
    }
    NumericOperand right = NumericOperand.at(tokens, i + 1);
    if (right == null || right.end() < tokens.size() && TIGHTER_AFTER.contains(tokens.get(right.end()).text())) {
      return null;
    }
    NumericOperand left = leftOperand(tokens, i);
    if (left == null || !numericCall(List.of(left, right))) {
      return null;
    }
    if (left.start() > 0 && TIGHTER_BEFORE.contains(tokens.get(left.start() - 1).text()) && operator.isPunctuation('/')) {
      return null;
    }
    if (left.start() > 0 && (tokens.get(left.start() - 1).isPunctuation('^') || tokens.get(left.start() - 1).text().equals("::"))) {
      return null;
    }
    BigDecimal value = operator.isPunctuation('/') ? PgNumericMath.divide(left.value(), right.value())
        : PgNumericMath.power(left.value(), right.value());
    return new Folding(value, left.start(), right.end());
  }

  /** The constant operand ending just before token {@code operator}: the longest one that ends there. */
  private static NumericOperand leftOperand(List<Token> tokens, int operator) {
    for (int start = Math.max(0, operator - 12); start < operator; start++) {
      NumericOperand operand = NumericOperand.at(tokens, start);
      if (operand != null && operand.end() == operator && (operand.start() == 0 || !signIsBinary(tokens, operand))) {
        return operand;
      }
    }
    return null;
  }

  /** A sign before a number that is really a binary operator ({@code 5 -1.0 / 2}): then the operand starts after it. */
  private static boolean signIsBinary(List<Token> tokens, NumericOperand operand) {
    Token first = tokens.get(operand.start());
    if (!first.isPunctuation('-') && !first.isPunctuation('+')) {
      return false;
    }
    Token before = tokens.get(operand.start() - 1);
    return before.type() != TokenType.PUNCTUATION && !before.is("SELECT") && !before.is("WHERE") && !before.is("AND") && !before.is("OR")
        && !before.is("THEN") && !before.is("ELSE") && !before.is("WHEN") || before.isPunctuation(')') || before.isPunctuation(']');
  }

  /** PostgreSQL picks the numeric function when one argument is numeric and the others integers or untyped literals. */
  private static boolean numericCall(List<NumericOperand> operands) {
    return !operands.isEmpty() && operands.stream().anyMatch(operand -> operand.kind() == NumericOperand.Kind.NUMERIC);
  }

  private static PlatformException positioned(PlatformException e, SqlStatement statement, Token at) {
    int position = statement.sql().codePointCount(0, at.start()) + 1;
    return new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), position, e);
  }
}
