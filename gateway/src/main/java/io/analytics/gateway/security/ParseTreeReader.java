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
 * Reads DuckDB's own parse tree of a SELECT ({@code json_serialize_sql}) for what the guard needs to
 * know, wherever it appears (joins, subqueries, CTEs, set operations, expressions): the tables it
 * references, every function and table function it calls with their literal arguments, and the
 * data-modifying nodes ({@code WITH d AS (DELETE ... RETURNING *)}) inside it. CTE names are
 * collected too, so a reference to a CTE is not taken for a table.
 */
final class ParseTreeReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Query nodes that only read; any other node type (INSERT_QUERY_NODE, DELETE_QUERY_NODE, ...) is a write. */
  private static final Set<String> READING_NODES = Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE");

  private final List<TableReference> tables;
  private final List<FunctionCall> calls;
  private final List<WriteNode> writes;
  private final Set<String> cteNames;
  private int statements;

  /** A data-modifying node: its type (DELETE_QUERY_NODE, ...) and the table it writes. */
  record WriteNode(String type, String schema, String table) {}

  private ParseTreeReader() {
    this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashSet<>());
  }

  private ParseTreeReader(List<TableReference> tables, List<FunctionCall> calls, List<WriteNode> writes, Set<String> cteNames) {
    this.tables = tables;
    this.calls = calls;
    this.writes = writes;
    this.cteNames = cteNames;
  }

  /**
   * The tree's contents, or null when DuckDB could not serialize the text (not a plain SELECT).
   * Remembered per tree: the role guard and the read-only check read the same tree for every
   * execution of a statement, and reading it with Jackson cost more than running {@code SELECT 1}.
   */
  static ParseTreeReader read(String parseTreeJson) {
    return RECENT.get(parseTreeJson, ParseTreeReader::readNow);
  }

  private static final RecentReadings RECENT = new RecentReadings();

  private static ParseTreeReader readNow(String parseTreeJson) {
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
    reader.statements = root.path("statements").size();
    reader.walk(root);
    return reader.frozen();
  }

  /** This reader with its lists unmodifiable: a remembered reading is shared by every session. */
  private ParseTreeReader frozen() {
    ParseTreeReader frozen = new ParseTreeReader(List.copyOf(tables), List.copyOf(calls), List.copyOf(writes), Set.copyOf(cteNames));
    frozen.statements = statements;
    return frozen;
  }


  /** How many statements DuckDB parsed in the text. */
  int statements() {
    return statements;
  }

  List<TableReference> tables() {
    return tables;
  }

  List<FunctionCall> calls() {
    return calls;
  }

  List<WriteNode> writes() {
    return writes;
  }

  boolean isCte(String name) {
    return cteNames.contains(name.toLowerCase(Locale.ROOT));
  }

  private void walk(JsonNode node) {
    if (node.isObject()) {
      visit(node);
      node.elements().forEachRemaining(this::walk);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(this::walk);
    }
  }

  private void visit(JsonNode node) {
    String type = node.path("type").asText("");
    if (type.equals("BASE_TABLE")) {
      tables.add(new TableReference(node.path("schema_name").asText(""), node.path("table_name").asText(""),
          node.path("catalog_name").asText("")));
    } else if (type.equals("SHOW_REF") && !node.path("show_type").asText("").equals("SHOW_SPECIAL")
        && !node.path("table_name").asText("").isEmpty()) {
      tables.add(new TableReference(node.path("schema_name").asText(""), node.path("table_name").asText(""),
          node.path("catalog_name").asText("")));
    } else if (type.endsWith("_NODE") && !READING_NODES.contains(type)) {
      writes.add(writeNode(type, node));
    }
    if (node.path("class").asText("").equals("FUNCTION") || node.path("class").asText("").equals("WINDOW")) {
      calls.add(new FunctionCall(node.path("function_name").asText("").toLowerCase(Locale.ROOT), literalPaths(node)));
    }
    JsonNode cteMap = node.path("cte_map").path("map");
    if (cteMap.isArray()) {
      for (JsonNode entry : cteMap) {
        cteNames.add(entry.path("key").asText("").toLowerCase(Locale.ROOT));
      }
    }
  }

  /** INSERT names its table by strings; DELETE and UPDATE by a BASE_TABLE reference. */
  private static WriteNode writeNode(String type, JsonNode node) {
    JsonNode table = node.path("table");
    if (table.isTextual()) {
      return new WriteNode(type, node.path("schema").asText(""), table.asText(""));
    }
    return new WriteNode(type, table.path("schema_name").asText(""), table.path("table_name").asText(""));
  }

  /** The first argument as literal strings: {@code 'a'} or {@code ['a', 'b']}; null if it is anything else. */
  private static List<String> literalPaths(JsonNode function) {
    JsonNode arguments = function.path("arguments");
    if (!arguments.isArray() || arguments.isEmpty()) {
      return null;
    }
    JsonNode first = arguments.get(0).has("expression") ? arguments.get(0).path("expression") : arguments.get(0);
    String literal = stringConstant(first);
    if (literal != null) {
      return List.of(literal);
    }
    if (!first.path("class").asText("").equals("FUNCTION") || !first.path("function_name").asText("").equals("list_value")) {
      return null;
    }
    List<String> paths = new ArrayList<>();
    for (JsonNode element : first.path("arguments")) {
      String path = stringConstant(element.has("expression") ? element.path("expression") : element);
      if (path == null) {
        return null;
      }
      paths.add(path);
    }
    return paths;
  }

  private static String stringConstant(JsonNode expression) {
    if (!expression.path("class").asText("").equals("CONSTANT")) {
      return null;
    }
    JsonNode literal = expression.path("value").isMissingNode() ? expression.path("literal") : expression.path("value");
    return literal.path("kind").asText("").equals("STRING") ? literal.path("text").asText(null) : null;
  }
}
