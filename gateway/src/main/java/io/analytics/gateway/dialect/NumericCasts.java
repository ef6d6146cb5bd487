package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * An expression cast to {@code numeric} without a precision ({@code x::numeric}, {@code CAST(x AS
 * numeric)}) keeps its value exactly, as in PostgreSQL: DuckDB would make it DECIMAL(18,3), so
 * {@code '42'::int2::numeric} showed 42.000 and a DECIMAL(10,5) lost two decimals. The cast becomes
 * the session macro {@link PgAggregateMacros#NUMERIC}: integers get the DECIMAL of their width with
 * scale 0, a DECIMAL stays as it is, and anything else (double precision, text), whose PostgreSQL
 * numeric has a scale per value that a DuckDB column cannot have, is refused with 0A000 rather than
 * rounded. Literals and parameters are {@link NumericLiterals}' and {@link NumericParameters}' work.
 */
public final class NumericCasts implements DialectStage {
  private static final Set<String> TYPES = Set.of("numeric", "decimal");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!QueryStatements.isQuery(statement) || tokens.stream().noneMatch(NumericCasts::isNumeric)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 1; i + 1 < tokens.size(); i++) {
      if (!isNumeric(tokens.get(i + 1)) || constrained(tokens, i + 2)) {
        continue;
      }
      if (tokens.get(i).text().equals("::")) {
        int start = operandStart(statement, i - 1);
        if (start >= 0) {
          edits.replace(tokens.get(start).start(), tokens.get(start).start(), PgAggregateMacros.NUMERIC + "(");
          edits.replace(tokens.get(i).start(), tokens.get(i + 1).end(), ")");
        }
      } else if (tokens.get(i).is("AS") && i + 2 < tokens.size() && tokens.get(i + 2).isPunctuation(')')) {
        int open = openingParenthesis(tokens, i + 2);
        if (open >= 1 && tokens.get(open - 1).is("CAST") && !isLiteral(tokens.get(open + 1), open + 2 == i)) {
          edits.replace(tokens.get(open - 1).start(), tokens.get(open).end(), PgAggregateMacros.NUMERIC + "(");
          edits.replace(tokens.get(i - 1).end(), tokens.get(i + 2).end(), ")");
        }
      }
    }
    return edits.result();
  }

  private static boolean isNumeric(Token token) {
    return token.type() == TokenType.WORD && TYPES.contains(token.value());
  }

  /** {@code numeric(p,s)} or {@code numeric[]}: not this cast. */
  private static boolean constrained(List<Token> tokens, int afterType) {
    return afterType < tokens.size() && (tokens.get(afterType).isPunctuation('(') || tokens.get(afterType).isPunctuation('['));
  }

  private static boolean isLiteral(Token token, boolean alone) {
    return alone && (token.type() == TokenType.STRING || token.type() == TokenType.NUMBER || token.type() == TokenType.PARAMETER);
  }

  /** The first token of a {@code ::} cast's operand ending at {@code end}: a literal or parameter alone, else as {@link #operandStart} finds it. */
  static int castOperandStart(SqlStatement statement, int end) {
    Token last = statement.token(end);
    if (last.type() == TokenType.STRING || last.type() == TokenType.NUMBER || last.type() == TokenType.PARAMETER) {
      return end;
    }
    return operandStart(statement, end);
  }

  /**
   * The first token of the operand ending at {@code end} ({@code ::} binds tighter than any operator):
   * a name ({@code t.x}), a call ({@code f(...)}), a parenthesized expression, each with subscripts;
   * -1 for a literal or a parameter, or what is not one of these.
   */
  static int operandStart(SqlStatement statement, int end) {
    List<Token> tokens = statement.tokens();
    int i = end;
    while (i >= 0 && tokens.get(i).isPunctuation(']')) {
      i = opening(tokens, i, '[', ']') - 1;
    }
    if (i < 0) {
      return -1;
    }
    Token last = tokens.get(i);
    if (last.isPunctuation(')')) {
      int open = opening(tokens, i, '(', ')');
      if (open < 0) {
        return -1;
      }
      i = LiteralCast.isGrouping(tokens, open) ? open : open - 1;
    } else if (last.type() != TokenType.WORD && last.type() != TokenType.QUOTED_IDENTIFIER) {
      return -1;
    }
    while (i >= 2 && tokens.get(i - 1).isPunctuation('.')
        && (tokens.get(i - 2).type() == TokenType.WORD || tokens.get(i - 2).type() == TokenType.QUOTED_IDENTIFIER)) {
      i -= 2;
    }
    if (i >= 2 && tokens.get(i - 1).text().equals("::")) {
      // a cast's type name (x::int2::numeric): the operand starts where that cast's does
      Token before = tokens.get(i - 2);
      boolean literal = before.type() == TokenType.STRING || before.type() == TokenType.NUMBER || before.type() == TokenType.PARAMETER;
      return literal ? i - 2 : operandStart(statement, i - 2);
    }
    return i;
  }

  private static int openingParenthesis(List<Token> tokens, int close) {
    return opening(tokens, close, '(', ')');
  }

  private static int opening(List<Token> tokens, int close, char open, char closing) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      if (tokens.get(i).isPunctuation(closing)) {
        depth++;
      } else if (tokens.get(i).isPunctuation(open) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
