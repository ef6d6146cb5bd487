package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A constant operand of numeric arithmetic as PostgreSQL types it: a number with a decimal point or
 * an exponent (numeric), a whole number (an integer, or numeric beyond bigint), a quoted literal (of
 * unknown type, read as numeric beside one), each perhaps signed and parenthesized, or one cast to
 * DuckDB's exact DECIMAL by {@link NumericLiterals}. {@code start}..{@code end} are token indexes
 * (end exclusive).
 */
record NumericOperand(BigDecimal value, Kind kind, int start, int end) {
  enum Kind { NUMERIC, INTEGER, UNKNOWN }

  private static final BigDecimal BIGINT_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal BIGINT_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  /** The operand starting at token {@code i}, or null when there is no constant operand there. */
  static NumericOperand at(List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return null;
    }
    Token token = tokens.get(i);
    if (token.isPunctuation('-') || token.isPunctuation('+')) {
      NumericOperand operand = unsigned(tokens, i + 1);
      return operand == null || operand.kind == Kind.UNKNOWN ? null
          : new NumericOperand(token.isPunctuation('-') ? operand.value.negate() : operand.value, operand.kind, i, operand.end);
    }
    return unsigned(tokens, i);
  }

  private static NumericOperand unsigned(List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return null;
    }
    Token token = tokens.get(i);
    if (token.type() == TokenType.NUMBER) {
      BigDecimal value = parse(token.text());
      return value == null ? null : new NumericOperand(value, kindOfNumber(token.text(), value), i, i + 1);
    }
    if (token.type() == TokenType.STRING) {
      BigDecimal value = parse(token.value().strip());
      return value == null ? null : new NumericOperand(value, Kind.UNKNOWN, i, i + 1);
    }
    if (token.isPunctuation('(')) {
      NumericOperand inner = at(tokens, i + 1);
      if (inner != null && inner.end < tokens.size() && tokens.get(inner.end).isPunctuation(')')) {
        return new NumericOperand(inner.value, inner.kind, i, inner.end + 1);
      }
      return null;
    }
    return token.is("CAST") ? exactDecimalCast(tokens, i) : null;
  }

  /** {@code CAST(literal AS DECIMAL(p,s))} as NumericLiterals writes a literal cast to numeric. */
  private static NumericOperand exactDecimalCast(List<Token> tokens, int i) {
    if (i + 9 >= tokens.size() || !tokens.get(i + 1).isPunctuation('(') || !tokens.get(i + 3).is("AS") || !tokens.get(i + 4).is("DECIMAL")
        || !tokens.get(i + 5).isPunctuation('(') || !tokens.get(i + 7).isPunctuation(',') || !tokens.get(i + 9).isPunctuation(')')
        || i + 10 >= tokens.size() || !tokens.get(i + 10).isPunctuation(')')) {
      return null;
    }
    Token literal = tokens.get(i + 2);
    BigDecimal value = literal.type() == TokenType.STRING ? parse(literal.value().strip())
        : literal.type() == TokenType.NUMBER ? parse(literal.text()) : null;
    if (value == null || tokens.get(i + 8).type() != TokenType.NUMBER) {
      return null;
    }
    int scale = Integer.parseInt(tokens.get(i + 8).text());
    if (value.scale() > scale) {
      return null; // a cast that rounds: DuckDB's own cast decides
    }
    return new NumericOperand(value.setScale(scale), Kind.NUMERIC, i, i + 11);
  }

  private static Kind kindOfNumber(String text, BigDecimal value) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains(".") || lower.contains("e")) {
      return Kind.NUMERIC;
    }
    return value.compareTo(BIGINT_MAX) > 0 || value.compareTo(BIGINT_MIN) < 0 ? Kind.NUMERIC : Kind.INTEGER;
  }

  private static BigDecimal parse(String text) {
    try {
      BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
      return value.scale() < 0 ? value.setScale(0) : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
