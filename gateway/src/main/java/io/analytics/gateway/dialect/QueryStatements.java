package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Set;

/**
 * Whether a statement is a query ({@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE}, or one
 * in parentheses): the stages that call the session's TEMP macros rewrite only these, never DDL that
 * would store the macro's name in the catalog (a view, a table's default) beyond the session.
 */
final class QueryStatements {
  private static final Set<String> KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");

  private QueryStatements() {}

  static boolean isQuery(SqlStatement statement) {
    int first = 0;
    while (first < statement.size() && statement.token(first).isPunctuation('(')) {
      first++;
    }
    return KEYWORDS.contains(statement.keyword(first));
  }
}
