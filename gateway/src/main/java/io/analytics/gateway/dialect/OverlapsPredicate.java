package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.List;

/**
 * PostgreSQL's {@code (start1, end1) OVERLAPS (start2, end2)}, which DuckDB's grammar lacks (a
 * syntax error there), becomes the session macro {@link PgOverlapsMacros} with the four operands
 * (an end may be an interval, a length from its start). Only the form with two parenthesized pairs
 * is translated; any other use of the word is left to DuckDB's parser, which refuses it.
 */
public final class OverlapsPredicate implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("overlaps"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 1; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).is("overlaps") || !tokens.get(i - 1).isPunctuation(')') || !tokens.get(i + 1).isPunctuation('(')) {
        continue;
      }
      int leftOpen = statement.openingParenthesis(i - 1);
      int rightClose = statement.closingParenthesis(i + 1);
      // The left pair must group (not be a call's arguments, as in ROW(a, b)).
      if (leftOpen < 0 || rightClose < 0 || !LiteralCast.isGrouping(tokens, leftOpen)) {
        continue;
      }
      List<String> left = CallArguments.split(statement, leftOpen, i - 1);
      List<String> right = CallArguments.split(statement, i + 1, rightClose);
      if (left.size() == 2 && right.size() == 2) {
        edits.replace(tokens.get(leftOpen).start(), tokens.get(rightClose).end(), PgOverlapsMacros.OVERLAPS + "(" + left.get(0) + ", "
            + left.get(1) + ", " + right.get(0) + ", " + right.get(1) + ")");
      }
    }
    return edits.result();
  }
}
