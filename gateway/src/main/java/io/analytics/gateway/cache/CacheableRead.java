package io.analytics.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from DuckDB's parse tree of a statement whether its result may be cached, and which lake
 * datasets it reads: a single SELECT whose every table is a lake dataset named with its layer
 * ({@code bronze.}, {@code silver.}, {@code gold.}) or a CTE of its own, that calls only
 * deterministic functions, uses no table function and samples nothing; or a SELECT of literals
 * alone ({@code SELECT 1}), which reads nothing and whose answer only the text and the session's
 * settings decide.
 */
final class CacheableRead {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LAYERS = Set.of("bronze", "silver", "gold");

  private final FunctionStability stability;
  private final Set<String> datasets = new HashSet<>();
  private final Set<String> ctes = new HashSet<>();
  private final Set<String> unqualified = new HashSet<>();
  private boolean cacheable = true;

  private CacheableRead(FunctionStability stability) {
    this.stability = stability;
  }

  /** The datasets (lower-case layer.name) the statement reads, or empty when its result may not be cached. */
  static Optional<Set<String>> datasetsRead(String parseTreeJson, FunctionStability stability) {
    JsonNode root;
    try {
      root = JSON.readTree(parseTreeJson);
    } catch (IOException e) {
      return Optional.empty();
    }
    JsonNode statements = root.path("statements");
    if (root.path("error").asBoolean(false) || !statements.isArray() || statements.size() != 1) {
      return Optional.empty();
    }
    if (LiteralSelect.is(statements.path(0).path("node"))) {
      return Optional.of(Set.of());
    }
    CacheableRead read = new CacheableRead(stability);
    read.walk(statements);
    read.unqualified.removeAll(read.ctes);
    boolean cacheable = read.cacheable && read.unqualified.isEmpty() && !read.datasets.isEmpty();
    return cacheable ? Optional.of(Set.copyOf(read.datasets)) : Optional.empty();
  }

  private void walk(JsonNode node) {
    if (!cacheable) {
      return;
    }
    if (node.isArray()) {
      node.elements().forEachRemaining(this::walk);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String type = node.path("type").asText("");
    String expressionClass = node.path("class").asText("");
    if (type.equals("BASE_TABLE")) {
      table(node);
    } else if (type.equals("TABLE_FUNCTION")) {
      cacheable = false; // read_parquet(...), range(...), a source's function: not the lake's versioned views
    } else if ((expressionClass.equals("FUNCTION") || expressionClass.equals("WINDOW") || expressionClass.equals("AGGREGATE"))
        && !stability.isDeterministic(node.path("function_name").asText(""))) {
      cacheable = false;
    } else if (expressionClass.equals("COLUMN_REF") && node.path("column_names").size() == 1
        && stability.isKnownNonDeterministic(node.path("column_names").path(0).asText(""))) {
      cacheable = false; // current_timestamp, current_date, ...: a column reference bound to a function
    } else if (node.hasNonNull("sample")) {
      cacheable = false; // USING SAMPLE draws rows at random
    }
    JsonNode cteMap = node.path("cte_map").path("map");
    for (JsonNode entry : cteMap) {
      ctes.add(entry.path("key").asText("").toLowerCase(Locale.ROOT));
    }
    node.elements().forEachRemaining(this::walk);
  }

  private void table(JsonNode node) {
    String catalog = node.path("catalog_name").asText("");
    String schema = node.path("schema_name").asText("").toLowerCase(Locale.ROOT);
    String table = node.path("table_name").asText("").toLowerCase(Locale.ROOT);
    if (!catalog.isEmpty()) {
      cacheable = false;
    } else if (schema.isEmpty()) {
      unqualified.add(table); // fine only if it names one of the statement's CTEs
    } else if (LAYERS.contains(schema)) {
      datasets.add(schema + "." + table);
    } else {
      cacheable = false;
    }
  }
}
