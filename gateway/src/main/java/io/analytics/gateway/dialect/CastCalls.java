package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/** Rewrites of a cast ({@code x::type} or {@code CAST(x AS type)}) into a call around its operand. */
final class CastCalls {
  private CastCalls() {}

  /**
   * Makes the cast at token {@code cast} ({@code ::} or CAST's AS) whose type ends before {@code typeEnd} the operand
   * between {@code opening} and {@code closing} (which replaces the {@code ::type} or {@code AS type)}); false when the
   * cast's operand or its CAST could not be found, and nothing was changed.
   */
  static boolean wrap(SqlStatement statement, int cast, int typeEnd, String opening, String closing, TokenEdits edits) {
    List<Token> tokens = statement.tokens();
    if (tokens.get(cast).text().equals("::")) {
      int start = NumericCasts.castOperandStart(statement, cast - 1);
      if (start < 0) {
        return false;
      }
      edits.replace(tokens.get(start).start(), tokens.get(start).start(), opening);
      edits.replace(tokens.get(cast).start(), tokens.get(typeEnd - 1).end(), closing);
      return true;
    }
    if (tokens.get(cast).is("AS") && typeEnd < tokens.size() && tokens.get(typeEnd).isPunctuation(')')) {
      int open = statement.openingParenthesis(typeEnd);
      if (open >= 1 && tokens.get(open - 1).is("CAST")) {
        edits.replace(tokens.get(open - 1).start(), tokens.get(open).end(), opening);
        edits.replace(tokens.get(cast - 1).end(), tokens.get(typeEnd).end(), closing);
        return true;
      }
    }
    return false;
  }
}
