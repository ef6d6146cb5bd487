package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Division in queries goes through {@link PgNumericDivisionMacros}, so that a numeric divided by a
 * numeric or an integer is PostgreSQL's exact numeric quotient (DuckDB answered a double typed
 * float8: {@code sum(x) / count(x)} lost digits and its type). Which division applies is known
 * only from the operands' types, so {@code a / b} becomes {@code list_transform([{'a': a, 'b': b}],
 * lambda q: pg_gateway_divide(q.a, q.b, q.a, q.b))[1]}: the list binds the operands first
 * (aggregates and window calls included, which a macro's overload choice cannot type), then the
 * macro's overloads pick exact division or DuckDB's own {@code /} by their types. Operands follow
 * PostgreSQL's precedence: the left one runs back over {@code * / % ^}, the right one is one
 * primary with its {@code ^}. Divisions of two integer constants, those with a quoted literal
 * operand (typed by the other operand, which a struct field would not be) and those with a parameter
 * (whose type DuckDB would have to infer through the macro) stay as they are, as do statements
 * that store SQL (views, macros).
 */
public final class NumericDivision implements DialectStage {
  private static final Set<String> SAME_LEVEL = Set.of("*", "/", "%", "^");
  private static final String PREFIX = "list_transform([{'a': ";
  private static final String MIDDLE = ", 'b': ";
  private static final String SUFFIX = "}], lambda pg_quotient: " + PgNumericDivisionMacros.DIVIDE
      + "(pg_quotient.a, pg_quotient.b, pg_quotient.a, pg_quotient.b))[1]";

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (!QueryStatements.isQuery(statement) || statement.tokens().stream().noneMatch(NumericDivision::isDivision)) {
      return statement;
    }
    return RepeatedRewrite.apply(statement, NumericDivision::rewriteFirst);
  }

  private static boolean isDivision(Token token) {
    return token.type() == TokenType.PUNCTUATION && token.text().equals("/");
  }

  private static SqlStatement rewriteFirst(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    for (int op = 1; op < tokens.size(); op++) {
      if (!isDivision(tokens.get(op))) {
        continue;
      }
      int start = leftStart(tokens, op);
      int end = rightEnd(tokens, op);
      if (start < 0 || end <= op + 1 || holdsParameter(tokens, start, end) || isIntegerConstant(tokens, start, op)
          && isIntegerConstant(tokens, op + 1, end) || isUntypedLiteral(tokens, start, op) || isUntypedLiteral(tokens, op + 1, end)) {
        continue;
      }
      TokenEdits edits = new TokenEdits(statement);
      edits.replace(tokens.get(start).start(), tokens.get(start).start(), PREFIX);
      edits.replace(tokens.get(op - 1).end(), tokens.get(op + 1).start(), MIDDLE);
      edits.replace(tokens.get(end - 1).end(), tokens.get(end - 1).end(), SUFFIX);
      return edits.result();
    }
    return null;
  }

  /** The first token of the division's left operand, or -1. */
  static int leftStart(List<Token> tokens, int op) {
    int start = windowedStart(tokens, op - 1);
    while (start >= 2 && isSameLevel(tokens.get(start - 1)) && endsOperand(tokens.get(start - 2))) {
      start = windowedStart(tokens, start - 2);
    }
    if (start >= 1 && isSign(tokens.get(start - 1)) && (start < 2 || !endsOperand(tokens.get(start - 2)))) {
      start--; // a unary sign binds tighter than division
    }
    return start;
  }

  /** The index after the division's right operand, or -1. */
  static int rightEnd(List<Token> tokens, int op) {
    int end = windowedEnd(tokens, op + 1);
    while (end > 0 && end + 1 < tokens.size() && tokens.get(end).isPunctuation('^')) {
      end = windowedEnd(tokens, end + 1);
    }
    return end;
  }

  /** A primary ending at {@code last}, with a call's {@code FILTER (...)} and {@code OVER (...)} / {@code OVER w}. */
  private static int windowedStart(List<Token> tokens, int last) {
    int start = OperandBounds.primaryStart(tokens, last);
    while (start >= 2 && (tokens.get(start - 1).is("OVER") || tokens.get(start - 1).is("FILTER"))) {
      start = OperandBounds.primaryStart(tokens, start - 2);
    }
    return start;
  }

  private static int windowedEnd(List<Token> tokens, int first) {
    int end = OperandBounds.primaryEnd(tokens, first);
    while (end > 0 && end + 1 < tokens.size() && (tokens.get(end).is("OVER") || tokens.get(end).is("FILTER"))) {
      Token next = tokens.get(end + 1);
      if (next.isPunctuation('(')) {
        int close = OperandBounds.matchingClose(tokens, end + 1, '(', ')');
        if (close < 0) {
          return -1;
        }
        end = close + 1;
      } else if (tokens.get(end).is("OVER") && (next.type() == TokenType.WORD || next.type() == TokenType.QUOTED_IDENTIFIER)) {
        end += 2;
      } else {
        return end;
      }
    }
    return end;
  }

  private static boolean isSameLevel(Token token) {
    return token.type() == TokenType.PUNCTUATION && SAME_LEVEL.contains(token.text());
  }

  private static boolean isSign(Token token) {
    return token.isPunctuation('-') || token.isPunctuation('+');
  }

  /** Whether the token can end an operand, so that an operator after it is binary. */
  private static boolean endsOperand(Token token) {
    return switch (token.type()) {
      case STRING, NUMBER, PARAMETER, QUOTED_IDENTIFIER -> true;
      case WORD -> token.is("END") || OperandBounds.primaryStart(List.of(token), 0) == 0;
      case PUNCTUATION -> token.isPunctuation(')') || token.isPunctuation(']');
      default -> false;
    };
  }

  private static boolean holdsParameter(List<Token> tokens, int start, int end) {
    for (int i = start; i < end; i++) {
      if (tokens.get(i).type() == TokenType.PARAMETER) {
        return true;
      }
    }
    return false;
  }

  /** A quoted literal, whose type PostgreSQL and DuckDB take from the other operand (a struct field would make it text). */
  private static boolean isUntypedLiteral(List<Token> tokens, int start, int end) {
    return end == start + 1 && tokens.get(start).type() == TokenType.STRING;
  }

  private static boolean isIntegerConstant(List<Token> tokens, int start, int end) {
    int first = start < end && isSign(tokens.get(start)) ? start + 1 : start;
    return end == first + 1 && tokens.get(first).type() == TokenType.NUMBER
        && tokens.get(first).text().chars().allMatch(Character::isDigit);
  }
}
