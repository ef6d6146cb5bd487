package io.analytics.gateway.columns;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds which result columns of a query come straight from a table, reading DuckDB's own parse tree
 * ({@code json_serialize_sql}) as PostgreSQL's parser marks target list origins
 * ({@code markTargetListOrigin}): a select-list item that is a plain column reference (perhaps
 * renamed by {@code AS}) or a {@code *} expansion has its table's origin, through joins, subqueries in
 * FROM and CTEs; anything computed (casts, functions, constants, set operations) has none. Where a
 * {@code *} covers a relation whose columns are not known, no origin is given for any column rather
 * than a wrong one.
 */
final class SelectListOrigins {
  /** Looks up a table or view as written in FROM: its columns, or null when it is none the catalog shows. */
  @FunctionalInterface
  interface Tables {
    RelationColumns resolve(String catalog, String schema, String name);
  }

  /** The columns of the FROM clause: what a qualified name finds, and what an unqualified {@code *} gives. */
  private record Scope(Map<String, RelationColumns> byAlias, List<RelationColumns.Column> star, boolean starKnown) {}

  private final Tables tables;

  SelectListOrigins(Tables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  /** The origins of the first statement's result columns, or null when they cannot be told apart. */
  List<ColumnOrigin> origins(JsonNode parseTree) {
    JsonNode statements = parseTree.path("statements");
    if (parseTree.path("error").asBoolean(false) || statements.size() != 1) {
      return null;
    }
    RelationColumns columns = output(statements.get(0).path("node"), Map.of());
    return columns == null ? null : columns.columns().stream().map(RelationColumns.Column::origin).toList();
  }

  /** A query node's output columns, or null when their number is not known. */
  private RelationColumns output(JsonNode node, Map<String, RelationColumns> outerCtes) {
    Map<String, RelationColumns> ctes = withCtes(node, outerCtes);
    String type = node.path("type").asText("");
    if (type.equals("SET_OPERATION_NODE")) {
      // PostgreSQL marks no origin on the columns of UNION, INTERSECT and EXCEPT; their declared types are the operands' when they agree.
      // DuckDB 2.0 lists the operands as children; earlier versions as left and right.
      List<JsonNode> operands = new ArrayList<>();
      node.path("children").forEach(operands::add);
      if (operands.isEmpty()) {
        operands = List.of(node.path("left"), node.path("right"));
      }
      List<RelationColumns> outputs = new ArrayList<>();
      for (JsonNode operand : operands) {
        outputs.add(output(operand, ctes));
      }
      return outputs.get(0) == null ? null : SetOperationTypes.combined(outputs);
    }
    if (!type.equals("SELECT_NODE")) {
      return null;
    }
    Scope scope = scope(node.path("from_table"), ctes);
    if (scope == null) {
      return null;
    }
    List<RelationColumns.Column> columns = new ArrayList<>();
    for (JsonNode item : node.path("select_list")) {
      if (item.path("class").asText("").equals("STAR")) {
        List<RelationColumns.Column> expanded = expandStar(item, scope);
        if (expanded == null) {
          return null;
        }
        columns.addAll(expanded);
      } else {
        String alias = item.path("alias").asText("");
        RelationColumns.Column column = reference(item, scope);
        String name = !alias.isEmpty() ? alias : column != null ? column.name() : "?column?";
        ColumnOrigin origin = column != null ? column.origin() : ColumnOrigin.computed(CharacterCastTypes.of(item));
        columns.add(new RelationColumns.Column(name, origin));
      }
    }
    return new RelationColumns(columns);
  }

  /** The CTEs a node declares, visible to it and its subqueries (inner names hide outer ones). */
  private Map<String, RelationColumns> withCtes(JsonNode node, Map<String, RelationColumns> outer) {
    JsonNode entries = node.path("cte_map").path("map");
    if (!entries.isArray() || entries.isEmpty()) {
      return outer;
    }
    Map<String, RelationColumns> ctes = new HashMap<>(outer);
    for (JsonNode entry : entries) {
      String name = entry.path("key").asText("").toLowerCase(Locale.ROOT);
      JsonNode value = entry.path("value");
      // DuckDB 2.0 writes the CTE's query as query_node, earlier versions as query.node.
      JsonNode query = value.has("query_node") ? value.path("query_node") : value.path("query").path("node");
      RelationColumns columns = query.path("type").asText("").equals("RECURSIVE_CTE_NODE") ? null : output(query, ctes);
      if (columns != null) {
        columns = columns.renamed(texts(entry.path("value").path("aliases")));
      }
      // A CTE whose columns are unknown still hides a table of its name.
      ctes.put(name, columns);
    }
    return ctes;
  }

  private Scope scope(JsonNode from, Map<String, RelationColumns> ctes) {
    String type = from.path("type").asText("");
    switch (type) {
      case "", "EMPTY":
        return new Scope(Map.of(), List.of(), true);
      case "JOIN":
        return join(from, ctes);
      default:
        RelationColumns columns = relation(from, ctes);
        String alias = from.path("alias").asText("");
        if (alias.isEmpty()) {
          alias = from.path("table_name").asText("");
        }
        Map<String, RelationColumns> byAlias = new HashMap<>();
        byAlias.put(alias.toLowerCase(Locale.ROOT), columns);
        return new Scope(byAlias, columns == null ? List.of() : columns.columns(), columns != null);
    }
  }

  /** A table, view, CTE or subquery in FROM with its alias's column names applied; null when unknown. */
  private RelationColumns relation(JsonNode from, Map<String, RelationColumns> ctes) {
    String type = from.path("type").asText("");
    RelationColumns columns = null;
    if (type.equals("BASE_TABLE")) {
      String name = from.path("table_name").asText("");
      String schema = from.path("schema_name").asText("");
      String catalog = from.path("catalog_name").asText("");
      if (schema.isEmpty() && catalog.isEmpty() && ctes.containsKey(name.toLowerCase(Locale.ROOT))) {
        columns = ctes.get(name.toLowerCase(Locale.ROOT));
      } else {
        columns = tables.resolve(catalog, schema, name);
      }
    } else if (type.equals("SUBQUERY")) {
      columns = output(from.path("subquery").path("node"), ctes);
    }
    return columns == null ? null : columns.renamed(texts(from.path("column_name_alias")));
  }

  /**
   * Both sides' relations by alias; {@code *} shows a USING (or NATURAL) join's merged columns once,
   * first, with the origin PostgreSQL's join alias has: the left side's, the right's for a RIGHT
   * join, none for a FULL join (a COALESCE of both).
   */
  private Scope join(JsonNode join, Map<String, RelationColumns> ctes) {
    Scope left = scope(join.path("left"), ctes);
    Scope right = scope(join.path("right"), ctes);
    if (left == null || right == null) {
      return null;
    }
    Map<String, RelationColumns> byAlias = new HashMap<>(left.byAlias());
    byAlias.putAll(right.byAlias());
    boolean starKnown = left.starKnown() && right.starKnown();
    List<String> using = texts(join.path("using_columns"));
    if (join.path("ref_type").asText("").equals("NATURAL") && starKnown) {
      using = commonNames(left.star(), right.star());
    }
    List<RelationColumns.Column> star = new ArrayList<>();
    String joinType = join.path("join_type").asText("");
    for (String name : using) {
      RelationColumns.Column merged = joinType.equals("RIGHT") ? find(right.star(), name) : find(left.star(), name);
      boolean full = joinType.equals("FULL") || joinType.equals("OUTER");
      ColumnOrigin origin = merged == null || full ? ColumnOrigin.NONE : merged.origin();
      star.add(new RelationColumns.Column(name, origin));
    }
    for (RelationColumns.Column column : left.star()) {
      if (!containsIgnoringCase(using, column.name())) {
        star.add(column);
      }
    }
    for (RelationColumns.Column column : right.star()) {
      if (!containsIgnoringCase(using, column.name())) {
        star.add(column);
      }
    }
    return new Scope(byAlias, star, starKnown);
  }

  private static List<String> commonNames(List<RelationColumns.Column> left, List<RelationColumns.Column> right) {
    List<String> common = new ArrayList<>();
    for (RelationColumns.Column column : left) {
      if (find(right, column.name()) != null) {
        common.add(column.name());
      }
    }
    return common;
  }

  /** A select-list item that is a column reference, as found in the scope; null for anything else. */
  private static RelationColumns.Column reference(JsonNode item, Scope scope) {
    if (!item.path("class").asText("").equals("COLUMN_REF")) {
      return null;
    }
    List<String> names = texts(item.path("column_names"));
    if (names.size() == 1) {
      return scope.starKnown() ? find(scope.star(), names.get(0)) : null;
    }
    if (names.size() >= 2) {
      // relation.column, or schema.relation.column: the relation is known by its alias or name.
      RelationColumns relation = scope.byAlias().get(names.get(names.size() - 2).toLowerCase(Locale.ROOT));
      return relation == null ? null : relation.find(names.get(names.size() - 1));
    }
    return null;
  }

  /** What {@code *} or {@code x.*} gives, less its EXCLUDE list; null when it is not known. */
  private static List<RelationColumns.Column> expandStar(JsonNode star, Scope scope) {
    if (star.path("columns").asBoolean(false) || !star.path("expr").isNull() && !star.path("expr").isMissingNode()) {
      return null;
    }
    String relation = star.path("relation_name").asText("");
    List<RelationColumns.Column> columns;
    if (relation.isEmpty()) {
      columns = scope.starKnown() ? scope.star() : null;
    } else {
      RelationColumns found = scope.byAlias().get(relation.toLowerCase(Locale.ROOT));
      columns = found == null ? null : found.columns();
    }
    if (columns == null) {
      return null;
    }
    List<String> excluded = new ArrayList<>(texts(star.path("exclude_list")));
    for (JsonNode qualified : star.path("qualified_exclude_list")) {
      List<String> path = texts(qualified.path("column_names"));
      if (!path.isEmpty()) {
        excluded.add(path.get(path.size() - 1));
      }
    }
    List<String> replaced = new ArrayList<>();
    for (JsonNode replacement : star.path("replace_list")) {
      replaced.add(replacement.path("key").asText(""));
    }
    List<RelationColumns.Column> expanded = new ArrayList<>();
    for (RelationColumns.Column column : columns) {
      if (containsIgnoringCase(excluded, column.name())) {
        continue;
      }
      boolean computed = containsIgnoringCase(replaced, column.name());
      expanded.add(computed ? new RelationColumns.Column(column.name(), ColumnOrigin.NONE) : column);
    }
    return expanded;
  }

  private static RelationColumns.Column find(List<RelationColumns.Column> columns, String name) {
    for (RelationColumns.Column column : columns) {
      if (column.name().equalsIgnoreCase(name)) {
        return column;
      }
    }
    return null;
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    return names.stream().anyMatch(candidate -> candidate.equalsIgnoreCase(name));
  }

  /** An array of strings (or of objects holding one, as exclude lists in some DuckDB versions). */
  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    for (JsonNode element : array) {
      texts.add(element.isTextual() ? element.asText() : element.path("name").asText(element.toString()));
    }
    return texts;
  }
}
