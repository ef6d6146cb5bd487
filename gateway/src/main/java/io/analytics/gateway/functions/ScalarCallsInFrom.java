package io.analytics.gateway.functions;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenSplice;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The statement stage for a scalar function called in FROM, which PostgreSQL treats as a one-row
 * table ({@code SELECT now FROM now()}, {@code SELECT * FROM upper('a') AS u(x)}, psycopg2's
 * {@code callproc}, which sends {@code SELECT * FROM f(...)}) and DuckDB refuses: the call becomes
 * {@code (SELECT f(...) AS name) AS name}, its column named after the alias or else the function,
 * as PostgreSQL names it. Table functions (DuckDB's, and the session's table macros) are left alone.
 */
public final class ScalarCallsInFrom {
  /** Keywords that end a FROM clause at its own depth. */
  private static final Set<String> FROM_ENDS = Set.of(
      "where", "group", "having", "window", "order", "limit", "offset", "fetch", "union", "intersect", "except", "for",
      "returning", "on", "using", "qualify");
  /** Words after a call that are not its alias. */
  private static final Set<String> NOT_ALIASES = Set.of(
      "where", "group", "having", "window", "order", "limit", "offset", "fetch", "union", "intersect", "except", "for",
      "returning", "on", "using", "join", "inner", "left", "right", "full", "cross", "natural", "lateral", "with", "qualify");

  /** Keywords that open a parenthesis in FROM without being a call: LATERAL (SELECT ...), ROWS FROM (...). */
  private static final Set<String> KEYWORDS_BEFORE_PARENTHESIS = Set.of("lateral", "rows", "values", "select", "only", "with");

  private ScalarCallsInFrom() {}

  /** Whether the statement may hold such a call: a FROM followed somewhere by a parenthesis (cheap, before any lookup). */
  public static boolean mayApply(SqlStatement statement) {
    boolean from = false;
    for (Token token : statement.tokens()) {
      from |= token.is("from");
      if (from && token.isPunctuation('(')) {
        return true;
      }
    }
    return false;
  }

  /** @param isTableFunction whether a (lower-case) name is a table function or table macro */
  public static SqlStatement rewrite(SqlStatement statement, Predicate<String> isTableFunction) {
    List<Token> tokens = statement.tokens();
    TokenSplice splice = new TokenSplice(statement);
    // The paren depth of each open FROM clause, innermost last.
    java.util.ArrayDeque<Integer> fromDepths = new java.util.ArrayDeque<>();
    // The depths where a SELECT or DELETE began: a FROM elsewhere is a function's (trim(x FROM y), extract(...)).
    java.util.BitSet statementDepths = new java.util.BitSet();
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation('(')) {
        depth++;
        statementDepths.clear(depth);
      } else if (token.isPunctuation(')')) {
        while (!fromDepths.isEmpty() && fromDepths.peekLast() >= depth) {
          fromDepths.removeLast();
        }
        statementDepths.clear(depth);
        depth = Math.max(0, depth - 1);
      } else if (token.is("select") || token.is("delete")) {
        statementDepths.set(depth);
      } else if (token.is("from") && statementDepths.get(depth) && !(i > 0 && tokens.get(i - 1).is("distinct"))) {
        fromDepths.addLast(depth);
      } else if (token.type() == TokenType.WORD && FROM_ENDS.contains(token.text().toLowerCase(Locale.ROOT))
          && !fromDepths.isEmpty() && fromDepths.peekLast() == depth && !token.is("on") && !token.is("using")) {
        fromDepths.removeLast();
      } else if (!fromDepths.isEmpty() && fromDepths.peekLast() == depth && startsFromItem(tokens, i)) {
        int end = callEnd(tokens, i);
        String name = token.text().toLowerCase(Locale.ROOT);
        if (end > 0 && !isTableFunction.test(name)) {
          int next = end + 1;
          int aliasAt = next < tokens.size() && tokens.get(next).is("as") ? next + 1 : next;
          boolean aliased = aliasAt < tokens.size() && isAlias(tokens.get(aliasAt));
          String alias = aliased ? tokens.get(aliasAt).text() : quoted(name);
          String call = statement.sql().substring(token.start(), tokens.get(end).end());
          String replacement = "(SELECT " + call + " AS " + alias + ")" + (aliased ? "" : " AS " + alias);
          splice.replace(i, end, replacement);
          i = end;
        }
      }
    }
    return splice.result();
  }

  /** A plain function name right after FROM, JOIN, a comma or LATERAL, followed by its parenthesis. */
  private static boolean startsFromItem(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (token.type() != TokenType.WORD || i == 0 || i + 1 >= tokens.size() || !tokens.get(i + 1).isPunctuation('(')
        || KEYWORDS_BEFORE_PARENTHESIS.contains(token.text().toLowerCase(Locale.ROOT))) {
      return false;
    }
    Token previous = tokens.get(i - 1);
    return previous.is("from") || previous.is("join") || previous.is("lateral") || previous.isPunctuation(',');
  }

  private static int callEnd(List<Token> tokens, int name) {
    int depth = 0;
    for (int j = name + 1; j < tokens.size(); j++) {
      if (tokens.get(j).isPunctuation('(')) {
        depth++;
      } else if (tokens.get(j).isPunctuation(')') && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private static boolean isAlias(Token token) {
    return token.type() == TokenType.QUOTED_IDENTIFIER
        || (token.type() == TokenType.WORD && !NOT_ALIASES.contains(token.text().toLowerCase(Locale.ROOT)));
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
