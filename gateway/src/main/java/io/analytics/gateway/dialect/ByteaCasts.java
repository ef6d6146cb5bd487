package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * A cast of a computed value to bytea, {@code (expr)::bytea} or {@code CAST(expr AS bytea)}: PostgreSQL reads text as
 * bytea input ({@code '\x1234'} is the two bytes 12 34), DuckDB's cast from VARCHAR to BLOB reads only {@code \xHH}
 * escapes and keeps every other character as a byte, so {@code ('\x' || '1234')::bytea} gave six bytes. The cast
 * becomes the session macro {@code pg_bytea_input} (in {@code PgFunctionMacros}), which reads text as PostgreSQL does
 * and casts any other type as before. Literals are {@link ByteaLiterals}'; parameters arrive as bytes.
 */
public final class ByteaCasts implements DialectStage {
  /** The session macro reading text as PostgreSQL's bytea input. */
  public static final String MACRO = "pg_bytea_input";

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("bytea"))) {
      return statement;
    }
    TokenEdits edits = null;
    for (int i = 1; i < tokens.size(); i++) {
      if (!tokens.get(i).is("bytea") || i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('[')) {
        continue;
      }
      Token before = tokens.get(i - 1);
      if (before.text().equals("::")) {
        int start = OperandBounds.primaryStart(tokens, i - 2);
        if (start >= 0 && isComputed(tokens.subList(start, i - 1))) {
          edits = edits == null ? new TokenEdits(statement) : edits;
          edits.replace(tokens.get(start).start(), tokens.get(i).end(),
              MACRO + "(" + statement.sql().substring(tokens.get(start).start(), tokens.get(i - 2).end()) + ")");
        }
      } else if (before.is("as") && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation(')')) {
        int open = statement.openingParenthesis(i + 1);
        if (open > 0 && tokens.get(open - 1).is("cast") && open + 1 < i - 1 && isComputed(tokens.subList(open + 1, i - 1))) {
          edits = edits == null ? new TokenEdits(statement) : edits;
          edits.replace(tokens.get(open - 1).start(), tokens.get(i + 1).end(),
              MACRO + "(" + statement.sql().substring(tokens.get(open + 1).start(), tokens.get(i - 2).end()) + ")");
        }
      }
    }
    return edits == null ? statement : edits.result();
  }

  /** Not a lone literal or parameter (those are read as bytea input before DuckDB sees them). */
  private static boolean isComputed(List<Token> operand) {
    if (operand.size() != 1) {
      return true;
    }
    TokenType type = operand.get(0).type();
    return type != TokenType.STRING && type != TokenType.PARAMETER && type != TokenType.QUESTION_MARK && !operand.get(0).is("null");
  }
}
