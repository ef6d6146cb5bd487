package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In {@code WITH RECURSIVE}, PostgreSQL lets a query name a CTE defined after it ({@code x AS (SELECT * FROM y ...),
 * y AS (VALUES (1))}); DuckDB resolves only earlier ones, so it read a table of the same name instead (a silently wrong
 * answer) or refused. The CTEs are put in an order where each comes after the others it names (itself aside); mutual
 * references, which no order serves, are left as written.
 */
public final class RecursiveCteOrder implements DialectStage {
  /** One CTE: its name and the source span of its whole definition, {@code name [(columns)] AS [...] (query)}. */
  private record Cte(String name, int start, int end, int bodyOpen, int bodyClose) {}

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (!statement.keyword().equals("WITH") || !statement.keyword(1).equals("RECURSIVE")) {
      return statement;
    }
    List<Cte> ctes = ctes(statement);
    if (ctes == null || ctes.size() < 2) {
      return statement;
    }
    List<Cte> ordered = ordered(statement, ctes);
    if (ordered == null || ordered.equals(ctes)) {
      return statement;
    }
    List<String> definitions = new ArrayList<>();
    for (Cte cte : ordered) {
      definitions.add(statement.sql().substring(statement.token(cte.start()).start(), statement.token(cte.end()).end()));
    }
    TokenEdits edits = new TokenEdits(statement);
    edits.replace(statement.token(ctes.get(0).start()).start(), statement.token(ctes.get(ctes.size() - 1).end()).end(),
        String.join(", ", definitions));
    return edits.result();
  }

  /** The CTEs of the WITH list, or null when the list is not read as expected. */
  private static List<Cte> ctes(SqlStatement statement) {
    List<Cte> ctes = new ArrayList<>();
    int at = 2;
    while (at < statement.size()) {
      Token name = statement.token(at);
      if (name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_IDENTIFIER) {
        return null;
      }
      int next = at + 1;
      if (next < statement.size() && statement.token(next).isPunctuation('(')) {
        next = statement.closingParenthesis(next) + 1;
      }
      if (next <= 0 || !statement.keyword(next).equals("AS")) {
        return null;
      }
      next++;
      while (next < statement.size() && (statement.token(next).is("NOT") || statement.token(next).is("MATERIALIZED"))) {
        next++;
      }
      if (next >= statement.size() || !statement.token(next).isPunctuation('(')) {
        return null;
      }
      int close = statement.closingParenthesis(next);
      if (close < 0) {
        return null;
      }
      ctes.add(new Cte(nameOf(name), at, close, next, close));
      if (close + 1 < statement.size() && statement.token(close + 1).isPunctuation(',')) {
        at = close + 2;
      } else {
        return ctes;
      }
    }
    return null;
  }

  /** The CTEs in an order where each follows those it names; null when references go both ways. */
  private static List<Cte> ordered(SqlStatement statement, List<Cte> ctes) {
    List<Cte> placed = new ArrayList<>();
    List<Cte> waiting = new ArrayList<>(ctes);
    while (!waiting.isEmpty()) {
      Cte ready = null;
      for (Cte cte : waiting) {
        if (waiting.stream().noneMatch(other -> other != cte && names(statement, cte, other.name()))) {
          ready = cte;
          break;
        }
      }
      if (ready == null) {
        return null;
      }
      placed.add(ready);
      waiting.remove(ready);
    }
    return placed;
  }

  private static boolean names(SqlStatement statement, Cte cte, String name) {
    for (int i = cte.bodyOpen() + 1; i < cte.bodyClose(); i++) {
      Token token = statement.token(i);
      boolean qualifier = i + 1 < statement.size() && statement.token(i + 1).isPunctuation('.');
      boolean member = i > 0 && statement.token(i - 1).isPunctuation('.');
      if ((token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) && !qualifier && !member
          && nameOf(token).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String nameOf(Token token) {
    return token.type() == TokenType.WORD ? token.text().toLowerCase(Locale.ROOT) : token.value();
  }
}
