package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code x = ANY(array)} and {@code x <> ALL(array)} with a NULL array: PostgreSQL answers NULL (nothing is known
 * about the elements), DuckDB reads a NULL list as an empty one and answers false for ANY and true for ALL, which
 * turns a filter's or a flag's unknown into a definite answer. The array becomes {@code coalesce(array, [NULL])}:
 * one unknown element gives NULL for both, and a non-NULL array is compared as before. Subqueries and arrays that
 * cannot be NULL (a constructor, a list, a literal) are left alone, as is a lone parameter, which
 * {@link AnyArrayParameters} types later.
 */
public final class NullArrayQuantifiers implements DialectStage {
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
  private static final Set<String> QUANTIFIERS = Set.of("any", "all", "some");
  private static final Set<String> SUBQUERY_STARTS = Set.of("select", "with", "values", "from", "table");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 1; i + 2 < tokens.size(); i++) {
      if (!isQuantifiedComparison(tokens, i)) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0 || !mayBeNullArray(tokens.subList(i + 2, close))) {
        continue;
      }
      edits = edits == null ? new TokenEdits(statement) : edits;
      edits.replace(tokens.get(i + 2).start(), tokens.get(i + 2).start(), "coalesce(");
      edits.replace(tokens.get(close).start(), tokens.get(close).start(), ", [NULL])");
    }
    return edits == null ? statement : edits.result();
  }

  private static boolean isQuantifiedComparison(List<Token> tokens, int i) {
    Token quantifier = tokens.get(i);
    Token before = tokens.get(i - 1);
    return quantifier.type() == TokenType.WORD && QUANTIFIERS.contains(quantifier.text().toLowerCase(Locale.ROOT))
        && tokens.get(i + 1).isPunctuation('(') && before.type() == TokenType.PUNCTUATION && COMPARISONS.contains(before.text());
  }

  private static boolean mayBeNullArray(List<Token> argument) {
    if (argument.isEmpty()) {
      return false;
    }
    Token first = argument.get(0);
    if (argument.size() == 1 && (first.type() == TokenType.PARAMETER || first.type() == TokenType.QUESTION_MARK)) {
      return false;
    }
    return !(first.type() == TokenType.STRING || first.isPunctuation('[') || first.isPunctuation('(') || first.is("array")
        || first.type() == TokenType.WORD && SUBQUERY_STARTS.contains(first.text().toLowerCase(Locale.ROOT)));
  }
}
