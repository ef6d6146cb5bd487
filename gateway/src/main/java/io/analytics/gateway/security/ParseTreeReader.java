package io.analytics.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads DuckDB's own parse tree of a SELECT ({@code json_serialize_sql}) for the tables it
 * references, wherever they appear: joins, subqueries, CTEs, set operations. CTE names are
 * collected too, so a reference to a CTE is not taken for a table.
 */
final class ParseTreeReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<TableReference> tables = new ArrayList<>();
  private final Set<String> cteNames = new HashSet<>();

  private ParseTreeReader() {}

  /** The tables referenced by the statement, or null when DuckDB could not serialize it (not a plain SELECT). */
  static ParseTreeReader read(String parseTreeJson) {
    JsonNode root;
    try {
      root = JSON.readTree(parseTreeJson);
    } catch (java.io.IOException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot read DuckDB's parse tree: " + e.getMessage(), e);
    }
    if (root.path("error").asBoolean(false)) {
      return null;
    }
    ParseTreeReader reader = new ParseTreeReader();
    reader.walk(root);
    return reader;
  }

  List<TableReference> tables() {
    return tables;
  }

  boolean isCte(String name) {
    return cteNames.contains(name.toLowerCase(Locale.ROOT));
  }

  private void walk(JsonNode node) {
    if (node.isObject()) {
      if ("BASE_TABLE".equals(node.path("type").asText())) {
        tables.add(new TableReference(node.path("schema_name").asText(""), node.path("table_name").asText("")));
      }
      JsonNode cteMap = node.path("cte_map").path("map");
      if (cteMap.isArray()) {
        for (JsonNode entry : cteMap) {
          cteNames.add(entry.path("key").asText("").toLowerCase(Locale.ROOT));
        }
      }
      node.elements().forEachRemaining(this::walk);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(this::walk);
    }
  }
}
