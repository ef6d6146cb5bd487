package io.analytics.gateway.naming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.types.PgTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Names a query's unaliased result columns the way PostgreSQL does, where DuckDB names them after
 * the expression's text: {@code count(*)} is "count" (DuckDB: "count_star()"), {@code sum(x)} is
 * "sum", {@code 1 + 2} and constants are "?column?", {@code x::int} is "x" and {@code '1'::int}
 * is "int4", CASE is "case". Clients key rows by these names (node-postgres' {@code row.count},
 * pandas' columns, ORMs), so they are part of compatibility. The rules follow PostgreSQL's
 * FigureColname; the select list comes from DuckDB's own parse tree, and is only asked for when a
 * column name is not a plain identifier, so ordinary queries pay nothing.
 */
public final class PostgresColumnNames {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final String NO_NAME = "?column?";
  private static final Map<String, String> FUNCTION_NAMES = Map.of(
      "count_star", "count", "list_value", "array", "struct_pack", "row");

  private PostgresColumnNames() {}

  /**
   * The columns renamed; {@code parseTree} gives {@code json_serialize_sql} of the statement. Columns
   * whose names are plain identifiers, and statements DuckDB cannot serialize, keep their names.
   */
  public static List<ResultColumn> apply(String sql, List<ResultColumn> columns, UnaryOperator<String> parseTree) {
    if (columns.stream().allMatch(column -> isPlain(column.name()))) {
      return columns;
    }
    JsonNode selectList;
    try {
      selectList = selectList(JSON.readTree(parseTree.apply(sql)));
    } catch (IOException | RuntimeException e) {
      return columns; // not a statement DuckDB serializes (DDL, DML, PRAGMA ...): its names stay
    }
    if (selectList == null) {
      return columns;
    }
    List<String> names = names(selectList, columns);
    if (names == null) {
      return columns;
    }
    List<ResultColumn> renamed = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ResultColumn column = columns.get(i);
      renamed.add(names.get(i) == null ? column : new ResultColumn(names.get(i), column.duckDbType()));
    }
    return renamed;
  }

  /** The top-level select list; a set operation takes its names from its first branch, as in PostgreSQL. */
  private static JsonNode selectList(JsonNode root) {
    if (root.path("error").asBoolean(false)) {
      return null;
    }
    JsonNode node = root.path("statements").path(0).path("node");
    while ("SET_OPERATION_NODE".equals(node.path("type").asText())) {
      node = node.path("left").isObject() ? node.path("left") : node.path("children").path(0);
    }
    JsonNode list = node.path("select_list");
    return list.isArray() ? list : null;
  }

  /**
   * A name per column (null to keep DuckDB's), or null when the list cannot be matched to the
   * columns: more than one star, or counts that do not add up.
   */
  private static List<String> names(JsonNode selectList, List<ResultColumn> columns) {
    int stars = 0;
    for (JsonNode item : selectList) {
      stars += isStar(item) ? 1 : 0;
    }
    int starWidth = columns.size() - (selectList.size() - stars);
    if (stars > 1 || (stars == 0 && starWidth != 0) || starWidth < 0) {
      return null;
    }
    List<String> names = new ArrayList<>(columns.size());
    for (JsonNode item : selectList) {
      if (isStar(item)) {
        for (int i = 0; i < starWidth; i++) {
          names.add(null);
        }
        continue;
      }
      String duckDbName = columns.get(names.size()).name();
      if (!item.path("alias").asText("").isEmpty() || isPlain(duckDbName)) {
        names.add(null);
      } else {
        Named named = figure(item, columns.get(names.size()).duckDbType());
        names.add(named.name() == null ? NO_NAME : named.name());
      }
    }
    return names;
  }

  /** A name that is an identifier, not the text of an expression; DuckDB names the literals NULL, true and false by their text. */
  private static boolean isPlain(String name) {
    return PLAIN.matcher(name).matches() && !name.equalsIgnoreCase("null") && !name.equalsIgnoreCase("true")
        && !name.equalsIgnoreCase("false");
  }

  private static boolean isStar(JsonNode item) {
    return "STAR".equals(item.path("class").asText()) || "COLUMNS".equals(item.path("type").asText());
  }

  /** A figured name and how strongly it names the expression (PostgreSQL: 2 for a reference or call, 1 for a type or keyword). */
  private record Named(String name, int strength) {
    static final Named NONE = new Named(null, 0);
  }

  private static Named figure(JsonNode expression, String resultType) {
    String alias = expression.path("alias").asText("");
    if (!alias.isEmpty()) {
      return new Named(alias, 2);
    }
    String kind = expression.path("class").asText();
    String type = expression.path("type").asText();
    switch (kind) {
      case "COLUMN_REF": {
        JsonNode parts = expression.path("column_names");
        return parts.size() == 0 ? Named.NONE : new Named(parts.get(parts.size() - 1).asText(), 2);
      }
      case "WINDOW":
      case "FUNCTION": {
        if (expression.path("is_operator").asBoolean(false)) {
          return Named.NONE;
        }
        String function = expression.path("function_name").asText();
        return new Named(FUNCTION_NAMES.getOrDefault(function, function), 2);
      }
      case "CAST": {
        Named inner = figure(expression.path("child"), null);
        if (inner.strength() > 1 || resultType == null) {
          return inner;
        }
        return new Named(PgTypes.forDuckDbType(resultType).type().name(), 1);
      }
      case "CONSTANT":
        // PostgreSQL reads TRUE and FALSE as casts of a string to bool.
        return "BOOLEAN".equals(expression.path("literal").path("kind").asText()) ? new Named("bool", 1) : Named.NONE;
      case "CASE":
        return new Named("case", 1);
      case "SUBQUERY":
        return subquery(expression);
      case "OPERATOR":
        return switch (type) {
          case "OPERATOR_COALESCE" -> new Named("coalesce", 2);
          case "ARRAY_CONSTRUCTOR" -> new Named("array", 2);
          case "ARRAY_EXTRACT", "ARRAY_SLICE", "STRUCT_EXTRACT" -> figure(expression.path("children").path(0), null);
          default -> Named.NONE;
        };
      default:
        return Named.NONE;
    }
  }

  private static Named subquery(JsonNode expression) {
    String subqueryType = expression.path("subquery_type").asText();
    if (subqueryType.equals("EXISTS")) {
      return new Named("exists", 2);
    }
    if (subqueryType.equals("ARRAY")) {
      return new Named("array", 2);
    }
    JsonNode node = expression.path("subquery").path("node");
    JsonNode first = node.path("select_list").path(0);
    if (!first.isObject()) {
      return Named.NONE;
    }
    Named inner = figure(first, null);
    return new Named(inner.name() == null ? NO_NAME : inner.name(), 2);
  }
}
