package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.dialect.CallArguments;
import io.analytics.gateway.dialect.PreparedParameterTypes;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statements a session prepared with SQL's {@code PREPARE name [(types)] AS statement}, kept as the
 * client wrote them (with the declared types as casts, see {@link PreparedParameterTypes}). {@code EXECUTE
 * name (arguments)} is then that statement with its parameters replaced by the arguments, and runs as if
 * the client had sent it: named, tagged ({@code INSERT 0 1}, {@code SELECT 3}), checked and audited as
 * itself, as PostgreSQL answers an EXECUTE. DuckDB's own EXECUTE answered with its column names
 * ({@code count_star()}) and the tag {@code EXECUTE}, and its prepared statements were unknown to
 * DEALLOCATE.
 */
final class SqlPreparedStatements {
  /** A prepared statement's text and how many parameters it takes (its declared types, or its highest $n if more). */
  private record Body(SqlStatement statement, int parameters) {}

  private final Map<String, Body> bodies = new HashMap<>();

  /**
   * The statement a client's statement stands for: an EXECUTE of a statement prepared here is that
   * statement with its arguments; a PREPARE of a name in use is 42P05; anything else is itself.
   */
  SqlStatement resolve(SqlStatement statement) {
    String keyword = statement.keyword();
    if (keyword.equals("PREPARE") && statement.size() > 1 && bodies.containsKey(name(statement))) {
      throw new PlatformException(SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name(statement) + "\" already exists");
    }
    if (!keyword.equals("EXECUTE") || statement.size() < 2) {
      return statement;
    }
    String name = name(statement);
    Body body = bodies.get(name);
    if (body == null) {
      throw new PlatformException(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + name + "\" does not exist");
    }
    return withArguments(name, body, arguments(statement));
  }

  /** Remembers a PREPARE that DuckDB accepted. */
  void prepared(SqlStatement prepare) {
    SqlStatement typed = new PreparedParameterTypes().apply(prepare);
    int as = indexOfAs(typed);
    if (as > 0) {
      SqlStatement body = SqlStatement.parse(typed.textFrom(as + 1));
      int declared = prepare.token(2).isPunctuation('(') ? CallArguments.split(prepare, 2, prepare.closingParenthesis(2)).size() : 0;
      bodies.put(name(prepare), new Body(body, Math.max(declared, highestParameter(body))));
    }
  }

  /** DEALLOCATE name: whether the name was one of these (now forgotten). */
  boolean deallocate(String name) {
    return bodies.remove(name) != null;
  }

  void clear() {
    bodies.clear();
  }

  private static String name(SqlStatement statement) {
    Token token = statement.token(1);
    return token.type() == TokenType.QUOTED_IDENTIFIER ? token.value() : token.text().toLowerCase(Locale.ROOT);
  }

  private static int indexOfAs(SqlStatement statement) {
    for (int i = 2; i < statement.size(); i++) {
      if (statement.token(i).isPunctuation('(')) {
        i = statement.closingParenthesis(i);
        if (i < 0) {
          return -1;
        }
      } else if (statement.keyword(i).equals("AS")) {
        return i;
      }
    }
    return -1;
  }

  /** The argument texts of {@code EXECUTE name (a, b)}; none without parentheses; 42601 for an empty one. */
  private static List<String> arguments(SqlStatement statement) {
    if (statement.size() == 2) {
      return List.of();
    }
    int close = statement.token(2).isPunctuation('(') ? statement.closingParenthesis(2) : -1;
    List<String> arguments = close == statement.size() - 1 ? CallArguments.split(statement, 2, close) : List.of("");
    if (arguments.isEmpty() || arguments.contains("")) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + statement.token(2).text() + "\"");
    }
    return arguments;
  }

  private static int highestParameter(SqlStatement body) {
    int highest = 0;
    for (Token token : body.tokens()) {
      if (token.type() == TokenType.PARAMETER) {
        highest = Math.max(highest, Integer.parseInt(token.text().substring(1)));
      }
    }
    return highest;
  }

  /** The body with each {@code $n} replaced by the n-th argument; 42601 when the counts differ, as in PostgreSQL. */
  private static SqlStatement withArguments(String name, Body prepared, List<String> arguments) {
    SqlStatement body = prepared.statement();
    int expected = prepared.parameters();
    if (expected != arguments.size()) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "wrong number of parameters for prepared statement \"" + name + "\"",
          "Expected " + expected + " parameters but got " + arguments.size() + ".", null, 0, null);
    }
    StringBuilder sql = new StringBuilder(body.sql().length() + 32);
    int copied = 0;
    for (Token token : body.tokens()) {
      if (token.type() == TokenType.PARAMETER) {
        String argument = arguments.get(Integer.parseInt(token.text().substring(1)) - 1);
        boolean single = SqlStatement.parse(argument).size() == 1;
        sql.append(body.sql(), copied, token.start()).append(single ? argument : "(" + argument + ")");
        copied = token.end();
      }
    }
    sql.append(body.sql(), copied, body.sql().length());
    return SqlStatement.parse(sql.toString());
  }
}
