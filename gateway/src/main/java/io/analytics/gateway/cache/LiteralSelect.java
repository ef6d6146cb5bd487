package io.analytics.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Recognizes, in DuckDB's parse tree, a SELECT of literals and nothing else: {@code SELECT 1},
 * {@code SELECT 'ok' AS status, NULL}. No FROM, WHERE, GROUP BY, HAVING, QUALIFY, sample, CTE, set
 * operation, modifier, cast, function, operator, column reference or parameter: its answer is fixed
 * by its text and the session's settings alone (which join the cache key). Casts and calls are left
 * out on purpose: a cast may name a type the gateway resolves from the catalog ({@code regclass}),
 * and a function name may be a macro a session defined over a built-in.
 */
final class LiteralSelect {
  /** The clauses a SELECT node may carry, all of which must be empty or absent. */
  private static final Set<String> CLAUSES = Set.of("where_clause", "having", "qualify", "sample");

  private LiteralSelect() {}

  static boolean is(JsonNode node) {
    if (!node.path("type").asText("").equals("SELECT_NODE")
        || !node.path("from_table").path("type").asText("").equals("EMPTY")
        || !isEmpty(node.path("modifiers")) || !isEmpty(node.path("group_expressions")) || !isEmpty(node.path("group_sets"))
        || !isEmpty(node.path("cte_map").path("map"))) {
      return false;
    }
    for (String clause : CLAUSES) {
      if (!node.path(clause).isMissingNode() && !node.path(clause).isNull()) {
        return false;
      }
    }
    JsonNode columns = node.path("select_list");
    if (!columns.isArray() || columns.isEmpty()) {
      return false;
    }
    for (JsonNode column : columns) {
      if (!column.path("class").asText("").equals("CONSTANT")) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEmpty(JsonNode list) {
    return list.isMissingNode() || list.isNull() || list.isArray() && list.isEmpty();
  }
}
