package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code SELECT *} over {@code a JOIN b USING (k)}: PostgreSQL lists the merged USING columns first, then the
 * other columns of each side in order; DuckDB keeps the merged column where the left table has it, so
 * {@code SELECT * FROM t1 (a, b, c) JOIN t2 (a, b) USING (b)} answered {@code a, b, c, a} where PostgreSQL answers
 * {@code b, a, c, a}, and a client reading columns by position got the wrong ones. The star becomes
 * {@code k, * EXCLUDE (k)}: DuckDB's unqualified {@code k} is the merged column (COALESCE of both sides for FULL
 * and RIGHT joins), and its star already leaves out the right side's copy. Only a FROM clause whose joins all
 * name the same USING columns is rewritten: with different lists (or ON, NATURAL, comma joins) a later table
 * may have its own column of an earlier USING column's name, which EXCLUDE would drop as well.
 */
public final class JoinUsingColumnOrder implements DialectStage {
  /** The words that end a FROM clause at its own depth. */
  static final Set<String> FROM_ENDS = Set.of("WHERE", "GROUP", "HAVING", "WINDOW", "QUALIFY", "ORDER", "LIMIT", "OFFSET",
      "FETCH", "UNION", "INTERSECT", "EXCEPT", "RETURNING", "FOR");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("USING"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isPunctuation('*') && SelectListItems.isWholeItem(tokens, i)) {
        int from = fromOfSelectList(statement, i);
        String columns = from < 0 ? null : sharedUsingColumns(statement, from);
        if (columns != null) {
          edits.replace(tokens.get(i).start(), tokens.get(i).end(), columns + ", * EXCLUDE (" + columns + ")");
        }
      }
    }
    return edits.result();
  }

  /** The FROM closing the select list the item at {@code star} belongs to, or -1. */
  static int fromOfSelectList(SqlStatement statement, int star) {
    int depth = 0;
    for (int i = star + 1; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.isPunctuation('(')) {
        depth++;
      } else if (token.isPunctuation(')')) {
        if (depth-- == 0) {
          return -1;
        }
      } else if (depth == 0 && token.is("FROM")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The USING column list (source text) that every join of the FROM clause at {@code from} names, or null when the
   * clause has no join, a join of another kind, or lists that differ.
   */
  private static String sharedUsingColumns(SqlStatement statement, int from) {
    String shared = null;
    String sharedKey = null;
    int joins = 0;
    int usings = 0;
    int depth = 0;
    for (int i = from + 1; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.isPunctuation('(')) {
        depth++;
        continue;
      }
      if (token.isPunctuation(')')) {
        if (depth-- == 0) {
          break;
        }
        continue;
      }
      if (depth > 0) {
        continue;
      }
      String word = statement.keyword(i);
      if (FROM_ENDS.contains(word) || token.type() == TokenType.SEMICOLON) {
        break;
      }
      if (token.isPunctuation(',') || word.equals("NATURAL") || word.equals("ON") || word.equals("LATERAL")) {
        return null;
      }
      if (word.equals("JOIN")) {
        joins++;
      } else if (word.equals("USING") && i + 1 < statement.size() && statement.token(i + 1).isPunctuation('(')) {
        int close = statement.closingParenthesis(i + 1);
        if (close < 0) {
          return null;
        }
        String key = columnKey(statement, i + 2, close);
        if (key == null || sharedKey != null && !sharedKey.equals(key)) {
          return null;
        }
        sharedKey = key;
        usings++;
        shared = shared != null ? shared : statement.sql().substring(statement.token(i + 2).start(), statement.token(close - 1).end());
        i = close;
      }
    }
    return joins > 0 && usings == joins ? shared : null;
  }

  /** The column names of a USING list as PostgreSQL resolves them, comma-joined; null when it is not a list of names. */
  private static String columnKey(SqlStatement statement, int start, int close) {
    List<String> names = new ArrayList<>();
    for (int i = start; i < close; i += 2) {
      Token name = statement.token(i);
      if (name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_IDENTIFIER
          || i + 1 < close && !statement.token(i + 1).isPunctuation(',')) {
        return null;
      }
      names.add(name.type() == TokenType.WORD ? name.text().toLowerCase(Locale.ROOT) : name.value());
    }
    return names.isEmpty() ? null : String.join(",", names);
  }
}
