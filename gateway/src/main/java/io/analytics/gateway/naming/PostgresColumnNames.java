package io.analytics.gateway.naming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.types.PgTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
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
  /** Names of functions DuckDB parses syntax into that is not a call by that name. */
  private static final Map<String, String> FUNCTION_NAMES = Map.of(
      "count_star", "count", "list_value", "array", "struct_pack", "row");
  private static final Map<String, String> KEYWORD_FUNCTIONS = Map.of("trim", "btrim");
  /** PostgreSQL's character type names at the start of a cast's type (group 2: "varying"). */
  private static final Pattern CHARACTER_TYPE = Pattern.compile("(varchar|character|char|bpchar)\\b(\\s+varying)?", Pattern.CASE_INSENSITIVE);
  /** A function call's name as written: an identifier (perhaps qualified), then its opening parenthesis. */
  private static final Pattern CALL = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_$]*\\s*\\.\\s*)*([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");

  private PostgresColumnNames() {}

  /**
   * The columns renamed; {@code parseTree} gives {@code json_serialize_sql} of the statement. Columns
   * whose names are plain identifiers, and statements DuckDB cannot serialize, keep their names.
   */
  public static List<ResultColumn> apply(String sql, List<ResultColumn> columns, UnaryOperator<String> parseTree) {
    if (columns.stream().allMatch(column -> isPlain(column.name()))) {
      return columns;
    }
    if (sql.length() > MAX_REMEMBERED_TEXT) {
      return named(sql, columns, parseTree);
    }
    // The names depend on the text and DuckDB's columns alone: a repeated statement is named once.
    Key key = new Key(sql, List.copyOf(columns));
    synchronized (RECENT) {
      List<ResultColumn> known = RECENT.get(key);
      if (known != null) {
        return known;
      }
    }
    List<ResultColumn> named = List.copyOf(named(sql, columns, parseTree));
    synchronized (RECENT) {
      RECENT.put(key, named);
    }
    return named;
  }

  private record Key(String sql, List<ResultColumn> columns) {}

  private static final int MAX_REMEMBERED_TEXT = 16 * 1024;
  private static final int REMEMBERED = 1024;
  /** Recently named statements, shared by all sessions; the least recently used go first. */
  private static final Map<Key, List<ResultColumn>> RECENT = new java.util.LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, List<ResultColumn>> eldest) {
      return size() > REMEMBERED;
    }
  };

  private static List<ResultColumn> named(String sql, List<ResultColumn> columns, UnaryOperator<String> parseTree) {
    JsonNode selectList;
    try {
      JsonNode tree = JSON.readTree(parseTree.apply(sql));
      if (tree.path("error").asBoolean(false)) {
        // Syntax DuckDB cannot parse (#>, ?, timestamp(0), ...): name the columns of the statement translated.
        String translated = io.analytics.gateway.dialect.PostgresDialect.translateForNaming(sql);
        if (!translated.equals(sql)) {
          sql = translated;
          tree = JSON.readTree(parseTree.apply(sql));
        }
      }
      selectList = selectList(tree);
    } catch (IOException | RuntimeException e) {
      return columns; // not a statement DuckDB serializes (DDL, DML, PRAGMA ...): its names stay
    }
    if (selectList == null) {
      return columns;
    }
    List<String> names = names(sql.getBytes(StandardCharsets.UTF_8), selectList, columns);
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
  private static List<String> names(byte[] sql, JsonNode selectList, List<ResultColumn> columns) {
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
        Named named = figure(sql, item, columns.get(names.size()).duckDbType());
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

  /**
   * The name a function was called by in the statement's text, or null when the expression is not
   * written as a call: DuckDB parses operators ({@code 'a' ~ 'b'} is regexp_matches) and keyword
   * syntax ({@code extract(year FROM d)} is date_part) into functions, and PostgreSQL names a column
   * after the name written before the parenthesis, or not at all for an operator.
   */
  private static String calledName(byte[] sql, JsonNode expression) {
    long location = expression.path("query_location").asLong(-1);
    if (location < 0 || location >= sql.length) {
      return expression.path("function_name").asText(); // no position: trust DuckDB's name
    }
    Matcher call = CALL.matcher(new String(sql, (int) location, (int) Math.min(sql.length - location, 200), StandardCharsets.UTF_8));
    return call.lookingAt() ? call.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static Named figure(byte[] sql, JsonNode expression, String resultType) {
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
        if (function.startsWith("pg_op_")) {
          return Named.NONE; // an operator the dialect wrote as a call
        }
        if (function.equals("pg_to_jsonb") || function.equals("pg_to_json")) {
          Named inner = figure(sql, expression.path("arguments").path(0).path("expression"), null);
          return inner.strength() > 1 ? inner : new Named(function.substring("pg_to_".length()), 1);
        }
        String called = calledName(sql, expression);
        if (called == null) {
          return FUNCTION_NAMES.containsKey(function) ? new Named(FUNCTION_NAMES.get(function), 2) : Named.NONE;
        }
        // TRIM is keyword syntax for btrim, ltrim or rtrim (PostgreSQL names the function it means).
        return new Named(called.equals("trim") ? KEYWORD_FUNCTIONS.getOrDefault(function, function) : called, 2);
      }
      case "CAST": {
        Named inner = figure(sql, expression.path("child"), null);
        if (inner.strength() > 1) {
          return inner;
        }
        String characterType = characterTypeName(sql, expression.path("type_expr"));
        if (characterType != null) {
          return new Named(characterType, 1);
        }
        if (resultType == null) {
          return inner;
        }
        io.analytics.gateway.types.PgType castTo = PgTypes.forDuckDbType(resultType).type();
        // PostgreSQL names the column by the type as written, and int[] is written int4 with array bounds.
        io.analytics.gateway.types.PgType named = PgTypes.findByOid(castTo.elementOid()).orElse(castTo);
        return new Named(named.name(), 1);
      }
      case "CASE":
        return new Named("case", 1);
      case "SUBQUERY":
        return subquery(sql, expression);
      case "OPERATOR":
        return switch (type) {
          case "OPERATOR_COALESCE" -> new Named("coalesce", 2);
          case "ARRAY_CONSTRUCTOR" -> new Named("array", 2);
          case "ARRAY_EXTRACT", "ARRAY_SLICE", "STRUCT_EXTRACT" -> figure(sql, expression.path("children").path(0), null);
          default -> Named.NONE;
        };
      default:
        return Named.NONE;
    }
  }

  /**
   * bpchar, varchar or char for a cast to one of PostgreSQL's character types as the text spells it (DuckDB's
   * tree has VARCHAR for all), null for any other type.
   */
  private static String characterTypeName(byte[] sql, JsonNode typeExpression) {
    long location = typeExpression.path("query_location").asLong(-1);
    if (location < 0 || location >= sql.length) {
      return null;
    }
    Matcher type = CHARACTER_TYPE.matcher(new String(sql, (int) location, (int) Math.min(sql.length - location, 40), StandardCharsets.UTF_8));
    if (!type.lookingAt()) {
      return sql[(int) location] == '"' && new String(sql, (int) location, (int) Math.min(sql.length - location, 6), StandardCharsets.UTF_8)
          .equals("\"char\"") ? "char" : null;
    }
    return type.group(1).equalsIgnoreCase("varchar") || type.group(2) != null ? "varchar" : "bpchar";
  }

  private static Named subquery(byte[] sql, JsonNode expression) {
    String subqueryType = expression.path("subquery_type").asText();
    if (subqueryType.equals("EXISTS")) {
      return new Named("exists", 2);
    }
    if (subqueryType.equals("ARRAY")) {
      return new Named("array", 2);
    }
    if (subqueryType.equals("ANY") || subqueryType.equals("ALL")) {
      return Named.NONE; // x = ANY(...), x IN (SELECT ...): a comparison, "?column?" as in PostgreSQL
    }
    JsonNode node = expression.path("subquery").path("node");
    JsonNode first = node.path("select_list").path(0);
    if (!first.isObject()) {
      return Named.NONE;
    }
    Named inner = figure(sql, first, null);
    return new Named(inner.name() == null ? NO_NAME : inner.name(), 2);
  }
}
