package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A whole-row reference in a select list, {@code SELECT q FROM (SELECT 1, 2) q}: PostgreSQL answers a record,
 * written {@code (1,2)}; DuckDB a STRUCT, which the gateway writes as JSON ({@code {"1":1,"2":2}}), a silently
 * different value. A select-list item naming a relation of the statement is refused with 0A000 when DuckDB binds it
 * to the whole row (its type is a STRUCT); a column of that name (DuckDB's and PostgreSQL's first choice) passes.
 */
public final class WholeRowReferences implements DialectStage {
  /** Keywords after which a name is a relation (a table, a CTE) rather than an alias of one. */
  private static final Set<String> RELATION_KEYWORDS = Set.of("from", "join");
  private static final Set<String> NOT_NAMES = Set.of(
      "select", "where", "group", "order", "having", "limit", "offset", "join", "left", "right", "inner", "outer", "full",
      "cross", "natural", "on", "using", "union", "intersect", "except", "window", "lateral", "as", "values", "table");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!statement.keyword().equals("SELECT") && !statement.keyword().equals("WITH")) {
      return statement;
    }
    Set<String> relations = relationNames(statement);
    if (relations.isEmpty()) {
      return statement;
    }
    TokenEdits edits = null;
    for (int i = 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() == TokenType.WORD && relations.contains(token.text().toLowerCase(Locale.ROOT)) && SelectListItems.isWholeItem(tokens, i)) {
        edits = edits == null ? new TokenEdits(statement) : edits;
        String name = token.text();
        edits.replace(token.start(), token.end(), "CASE WHEN typeof(" + name + ") LIKE 'STRUCT%' THEN error('[0A000] the whole-row "
            + "reference " + name + " is not supported by the gateway: PostgreSQL''s record has no DuckDB counterpart; select its "
            + "columns instead') ELSE " + name + " END AS " + name);
      }
    }
    return edits == null ? statement : edits.result();
  }

  /**
   * The names the statement gives relations (FROM t, JOIN t, t AS a, t a, (subquery) a, CTE names) and no column: a name
   * that is also a column alias ({@code SELECT g FROM (SELECT 1 AS g) g}) is the column, in PostgreSQL as in DuckDB.
   */
  private static Set<String> relationNames(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    Set<String> relations = new HashSet<>();
    Set<String> columns = new HashSet<>();
    for (int i = 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() != TokenType.WORD || NOT_NAMES.contains(token.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      String name = token.text().toLowerCase(Locale.ROOT);
      int before = tokens.get(i - 1).is("as") ? i - 2 : i - 1;
      if (before < 0) {
        continue;
      }
      if (isRelationKeyword(tokens.get(before)) || isRelationKeyword(tokens, before - 1) && tokens.get(before).type() == TokenType.WORD
          || tokens.get(before).isPunctuation(')') && closesSubquery(statement, before)) {
        relations.add(name);
      } else if (tokens.get(i - 1).is("as")) {
        columns.add(name);
      }
    }
    relations.removeAll(columns);
    return relations;
  }

  private static boolean isRelationKeyword(List<Token> tokens, int at) {
    return at >= 0 && isRelationKeyword(tokens.get(at));
  }

  private static boolean isRelationKeyword(Token token) {
    return token.type() == TokenType.WORD && RELATION_KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
  }

  /** Whether the parenthesis closed at {@code close} is a subquery in FROM (not an EXISTS, IN or scalar subquery). */
  private static boolean closesSubquery(SqlStatement statement, int close) {
    int open = statement.openingParenthesis(close);
    if (open < 1 || open + 1 >= statement.size() || !(statement.token(open + 1).is("select") || statement.token(open + 1).is("with")
        || statement.token(open + 1).is("values"))) {
      return false;
    }
    Token before = statement.token(open - 1);
    return isRelationKeyword(before) || before.is("lateral") || before.isPunctuation(',') && inFromClause(statement.tokens(), open - 1);
  }

  /** Whether the comma at {@code comma} separates FROM items: the nearest clause keyword before it, at its depth, is FROM. */
  private static boolean inFromClause(List<Token> tokens, int comma) {
    int depth = 0;
    for (int k = comma - 1; k >= 0; k--) {
      Token token = tokens.get(k);
      if (token.isPunctuation(')')) {
        depth++;
      } else if (token.isPunctuation('(') && depth-- == 0) {
        return false;
      } else if (depth == 0 && (token.is("from") || token.is("select") || token.is("where") || token.is("by") || token.is("on"))) {
        return token.is("from");
      }
    }
    return false;
  }
}
