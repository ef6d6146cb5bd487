package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * {@code generate_series} in a select list returns one row per value in PostgreSQL, but one list
 * value in DuckDB (its scalar form); there it becomes {@code unnest(generate_series(...))}, which
 * DuckDB expands into rows. With integer literal bounds that fit int4 the values are cast to
 * INTEGER, PostgreSQL's type for {@code generate_series(int, int)} (DuckDB's is BIGINT).
 * In FROM, where DuckDB's table function already gives rows, a call with such int4 bounds becomes a
 * subquery that casts its column to INTEGER (keeping the column name, so aliases apply as before).
 */
public final class SetReturningSelectList implements DialectStage {
  /** Keywords that end a select list (or start a clause where a call is not in a select list). */
  private static final Set<String> OTHER_CLAUSES = Set.of(
      "from", "where", "group", "having", "order", "limit", "offset", "window", "qualify", "using", "into", "values",
      "set", "on", "returning", "fetch");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("generate_series"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    Deque<Boolean> inSelectList = new ArrayDeque<>();
    boolean selecting = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation('(')) {
        inSelectList.push(selecting);
      } else if (token.isPunctuation(')')) {
        selecting = inSelectList.isEmpty() ? false : inSelectList.pop();
      } else if (token.is("SELECT")) {
        selecting = true;
      } else if (token.type() == TokenType.WORD && OTHER_CLAUSES.contains(token.value())) {
        selecting = false;
      } else if (!selecting && token.is("generate_series") && i > 0 && isTableFunctionPosition(tokens.get(i - 1))
          && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('(')) {
        int close = statement.closingParenthesis(i + 1);
        boolean withOrdinality = close > 0 && close + 1 < tokens.size() && tokens.get(close + 1).is("WITH");
        if (close > 0 && !withOrdinality && int4Arguments(tokens, i + 2, close)) {
          String call = statement.sql().substring(token.start(), tokens.get(close).end());
          edits.replace(token.start(), tokens.get(close).end(),
              "(SELECT CAST(generate_series AS INTEGER) AS " + columnName(tokens, close) + " FROM " + call + ")");
          i = close;
        }
      } else if (selecting && token.is("generate_series") && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('(')
          && (i == 0 || !tokens.get(i - 1).isPunctuation('.'))) {
        int close = statement.closingParenthesis(i + 1);
        if (close < 0) {
          return statement;
        }
        String call = statement.sql().substring(token.start(), tokens.get(close).end());
        String rows = "unnest(" + call + ")";
        edits.replace(token.start(), tokens.get(close).end(), int4Arguments(tokens, i + 2, close) ? "CAST(" + rows + " AS INTEGER)" : rows);
        i = close;
      }
    }
    return edits.result();
  }

  /** Words that may follow a FROM item and are not its alias. */
  private static final Set<String> NOT_ALIASES = Set.of(
      "where", "join", "on", "using", "left", "right", "inner", "outer", "cross", "full", "natural", "order", "group", "having",
      "limit", "offset", "union", "intersect", "except", "window", "qualify", "with", "lateral", "fetch", "for", "returning");

  /**
   * The column's name: in PostgreSQL a function in FROM with a table alias and no column list names
   * its one column after the alias ({@code FROM generate_series(1, 2) AS g} has column g), else after
   * the function.
   */
  private static String columnName(List<Token> tokens, int close) {
    int alias = close + 1;
    if (alias < tokens.size() && tokens.get(alias).is("AS")) {
      alias++;
    }
    if (alias >= tokens.size()) {
      return "generate_series";
    }
    Token name = tokens.get(alias);
    boolean isAlias = name.type() == TokenType.QUOTED_IDENTIFIER || (name.type() == TokenType.WORD && !NOT_ALIASES.contains(name.value()));
    boolean columnList = alias + 1 < tokens.size() && tokens.get(alias + 1).isPunctuation('(');
    return isAlias && !columnList ? name.text() : "generate_series";
  }

  /** A table function call follows FROM, JOIN, LATERAL or a comma in a FROM list. */
  private static boolean isTableFunctionPosition(Token previous) {
    return previous.is("FROM") || previous.is("JOIN") || previous.is("LATERAL") || previous.isPunctuation(',');
  }

  /** Whether the arguments between {@code from} and {@code close} are 2 or 3 integer literals within int4. */
  private static boolean int4Arguments(List<Token> tokens, int from, int close) {
    int arguments = 0;
    int i = from;
    while (i < close) {
      if (tokens.get(i).isPunctuation('-') || tokens.get(i).isPunctuation('+')) {
        i++;
      }
      if (i >= close || tokens.get(i).type() != TokenType.NUMBER || !fitsInt4(tokens.get(i).text())) {
        return false;
      }
      arguments++;
      i++;
      if (i < close && !tokens.get(i).isPunctuation(',')) {
        return false;
      }
      i++;
    }
    return arguments == 2 || arguments == 3;
  }

  private static boolean fitsInt4(String number) {
    if (!number.chars().allMatch(Character::isDigit) || number.length() > 10) {
      return false;
    }
    return Long.parseLong(number) <= Integer.MAX_VALUE;
  }
}
