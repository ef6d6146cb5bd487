package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Locale;

/**
 * The "kind" tag of statement metrics: the leading keyword, lower case (select, insert, create, ...),
 * from a fixed list so that clients cannot create unbounded tag values.
 */
final class StatementKinds {
  private static final java.util.Set<String> KNOWN = java.util.Set.of(
      "select", "with", "values", "table", "from", "insert", "update", "delete", "merge", "copy", "create", "drop",
      "alter", "explain", "show", "describe", "summarize", "pivot", "checkpoint", "vacuum", "analyze", "call", "set", "pragma");

  private StatementKinds() {}

  static String of(SqlStatement statement) {
    String keyword = statement.keyword().toLowerCase(Locale.ROOT);
    return KNOWN.contains(keyword) ? keyword : "other";
  }
}
