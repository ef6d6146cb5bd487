package io.analytics.gateway.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The session's SQL face of json and jsonb: the jsonb type (a DuckDB UNION with one VARCHAR member
 * named jsonb, so that results of it are told apart from json's and reach clients as OID 3802), the
 * functions the dialect's operator and cast stages call ({@code pg_op_*}, {@code pg_to_jsonb}), and
 * PostgreSQL's json(b) functions, all over the {@link JsonFunctions}.
 *
 * <p>An operator returning json or jsonb keeps its left operand's type with {@code CASE WHEN false
 * THEN a ELSE result END}: DuckDB gives the CASE the operand's type, so one macro serves both.
 */
public final class JsonMacros {
  /** The table macros defined here, which a statement may call in FROM before they exist. */
  public static final Set<String> TABLE_MACROS = Set.of(
      "json_each", "json_each_text", "jsonb_each", "jsonb_each_text", "json_object_keys", "jsonb_object_keys",
      "json_array_elements", "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text");

  /** DuckDB's name for the jsonb type, as result columns report it. */
  public static final String JSONB_DUCKDB_TYPE = "UNION(jsonb VARCHAR)";

  /** Words whose presence in a statement means it may need these macros. */
  public static final Set<String> NAMES = Set.of(
      "jsonb", "json", "to_jsonb", "jsonb_typeof", "json_typeof", "jsonb_array_length", "json_array_length",
      "jsonb_object_keys", "json_object_keys", "jsonb_set", "jsonb_insert", "jsonb_strip_nulls", "jsonb_pretty",
      "jsonb_extract_path", "jsonb_extract_path_text", "json_extract_path", "json_extract_path_text", "jsonb_exists",
      "jsonb_exists_any", "jsonb_exists_all", "jsonb_contains", "jsonb_contained", "jsonb_build_object", "jsonb_build_array",
      "json_build_object", "json_build_array", "json_object", "jsonb_object", "row_to_json", "to_json", "array_to_json", "jsonb_agg", "jsonb_object_agg", "json_agg", "json_object_agg", "jsonb_each", "jsonb_each_text", "json_each",
      "json_each_text", "jsonb_array_elements", "jsonb_array_elements_text", "json_array_elements", "json_array_elements_text",
      "pg_op_get", "pg_op_get_text", "pg_op_path", "pg_op_path_text", "pg_op_exists", "pg_op_exists_any", "pg_op_exists_all",
      "pg_op_contains", "pg_op_contained", "pg_op_concat", "pg_op_minus", "pg_op_delete_path", "pg_to_jsonb", "pg_to_json");

  /**
   * The most arguments (pairs for the object builders) the variadic functions take: macros cannot be
   * variadic, and each overload costs time when a session creates them.
   */
  private static final int MAX_VARIADIC = 8;

  private JsonMacros() {}

  /** The statements creating the type and macros, in order. */
  public static List<String> statements() {
    List<String> sql = new ArrayList<>();
    sql.add("CREATE OR REPLACE TEMP TYPE jsonb AS " + JSONB_DUCKDB_TYPE);
    macro(sql, "pg_is_jsonb(x) AS typeof(x) = '" + JSONB_DUCKDB_TYPE + "'");
    macro(sql, "pg_is_integer(x) AS typeof(x) IN ('INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'HUGEINT', 'UTINYINT', "
        + "'USMALLINT', 'UINTEGER', 'UBIGINT')");
    // A NULL stays NULL (a union holding a NULL member is not NULL, and prints as the word NULL).
    macro(sql, "pg_jsonb_value(t) AS CASE WHEN t IS NULL THEN NULL ELSE union_value(jsonb := CAST(t AS VARCHAR)) END");
    // A value's json text as PostgreSQL's to_json writes it: json and jsonb as they are, timestamps in ISO 8601
    // with a "T", infinite and NaN floats as strings, the rest as DuckDB's to_json (a string becomes a json string).
    macro(sql, "pg_json_of(x) AS CASE WHEN pg_is_jsonb(x) OR typeof(x) = 'JSON' THEN CAST(x AS VARCHAR) "
        + "WHEN typeof(x) = 'TIMESTAMP' THEN '\"' || replace(CAST(x AS VARCHAR), ' ', 'T') || '\"' "
        + "WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN '\"' || regexp_replace(replace(CAST(x AS VARCHAR), ' ', 'T'), "
        + "'([+-][0-9][0-9])$', '\\1:00') || '\"' "
        + "WHEN typeof(x) IN ('DOUBLE', 'FLOAT') AND CAST(x AS VARCHAR) IN ('inf', '-inf', 'nan') THEN "
        + "CASE CAST(x AS VARCHAR) WHEN 'inf' THEN '\"Infinity\"' WHEN '-inf' THEN '\"-Infinity\"' ELSE '\"NaN\"' END "
        + "ELSE CAST(system.main.to_json(x) AS VARCHAR) END");
    macro(sql, "pg_is_scalar(x) AS NOT (pg_is_jsonb(x) OR typeof(x) = 'JSON' OR typeof(x) LIKE '%[]' OR typeof(x) LIKE 'STRUCT%' "
        + "OR typeof(x) LIKE 'MAP%')");
    macro(sql, "pg_json_quote(k) AS CAST(system.main.to_json(CAST(k AS VARCHAR)) AS VARCHAR)");
    macro(sql, "pg_json_element(x) AS coalesce(pg_json_of(x), 'null')");
    macro(sql, "pg_json_value(x) AS CAST(pg_json_of(x) AS JSON)");
    macro(sql, "pg_to_jsonb(x) AS pg_jsonb_value(pg_jsonb_in(CAST(x AS VARCHAR)))");
    macro(sql, "pg_to_json(x) AS CAST(pg_json_in(CAST(x AS VARCHAR)) AS JSON)");
    operators(sql);
    functions(sql);
    setReturning(sql);
    builders(sql);
    return sql;
  }

  private static void operators(List<String> sql) {
    macro(sql, "pg_op_get(a, b) AS CASE WHEN false THEN a ELSE "
        + "pg_json_get(CAST(a AS VARCHAR), CAST(b AS VARCHAR), pg_is_jsonb(a), pg_is_integer(b), false) END");
    macro(sql, "pg_op_get_text(a, b) AS pg_json_get(CAST(a AS VARCHAR), CAST(b AS VARCHAR), pg_is_jsonb(a), pg_is_integer(b), true)");
    macro(sql, "pg_op_path(a, p) AS CASE WHEN false THEN a ELSE "
        + "pg_json_path(CAST(a AS VARCHAR), CAST(to_json(p) AS VARCHAR), pg_is_jsonb(a), false) END");
    macro(sql, "pg_op_path_text(a, p) AS pg_json_path(CAST(a AS VARCHAR), CAST(to_json(p) AS VARCHAR), pg_is_jsonb(a), true)");
    macro(sql, "pg_op_exists(a, k) AS pg_jsonb_exists(CAST(a AS VARCHAR), CAST(k AS VARCHAR))");
    macro(sql, "pg_op_exists_any(a, k) AS pg_jsonb_exists_any(CAST(a AS VARCHAR), CAST(to_json(k) AS VARCHAR), false)");
    macro(sql, "pg_op_exists_all(a, k) AS pg_jsonb_exists_any(CAST(a AS VARCHAR), CAST(to_json(k) AS VARCHAR), true)");
    // Arrays keep DuckDB's own containment; a jsonb (or json text) operand is jsonb's.
    macro(sql, "pg_op_contains(a jsonb, b) AS pg_jsonb_contains(CAST(a AS VARCHAR), CAST(b AS VARCHAR)), "
        + "(a, b) AS system.main.\"@>\"(a, b)");
    macro(sql, "pg_op_contained(a jsonb, b) AS pg_jsonb_contains(CAST(b AS VARCHAR), CAST(a AS VARCHAR)), "
        + "(a, b) AS system.main.\"<@\"(a, b)");
    macro(sql, "pg_op_concat(a, b) AS pg_jsonb_value(pg_jsonb_concat(CAST(a AS VARCHAR), CAST(b AS VARCHAR)))");
    // For JsonbOperatorResolution: binds only when its left operand is jsonb (read with union_extract).
    macro(sql, "pg_op_minus_left(a, b) AS pg_jsonb_value(pg_jsonb_delete(union_extract(a, 'jsonb'), CAST(to_json(b) AS VARCHAR)))");
    macro(sql, "pg_op_minus(a, b) AS pg_jsonb_value(pg_jsonb_delete(CAST(a AS VARCHAR), CAST(to_json(b) AS VARCHAR)))");
    macro(sql, "pg_op_delete_path(a, p) AS pg_jsonb_value(pg_jsonb_delete_path(CAST(a AS VARCHAR), CAST(to_json(p) AS VARCHAR)))");
  }

  private static void functions(List<String> sql) {
    macro(sql, "jsonb_typeof(j) AS pg_json_typeof(CAST(j AS VARCHAR))");
    macro(sql, "json_typeof(j) AS pg_json_typeof(CAST(j AS VARCHAR))");
    macro(sql, "jsonb_array_length(j) AS pg_json_array_length(CAST(j AS VARCHAR), true)");
    macro(sql, "json_array_length(j) AS pg_json_array_length(CAST(j AS VARCHAR), false)");
    macro(sql, "jsonb_set(j, p, v) AS pg_jsonb_value(pg_jsonb_set(CAST(j AS VARCHAR), CAST(to_json(p) AS VARCHAR), CAST(v AS VARCHAR), true)), "
        + "(j, p, v, c) AS pg_jsonb_value(pg_jsonb_set(CAST(j AS VARCHAR), CAST(to_json(p) AS VARCHAR), CAST(v AS VARCHAR), c))");
    macro(sql, "jsonb_insert(j, p, v) AS pg_jsonb_value(pg_jsonb_insert(CAST(j AS VARCHAR), CAST(to_json(p) AS VARCHAR), CAST(v AS VARCHAR), false)), "
        + "(j, p, v, a) AS pg_jsonb_value(pg_jsonb_insert(CAST(j AS VARCHAR), CAST(to_json(p) AS VARCHAR), CAST(v AS VARCHAR), a))");
    macro(sql, "jsonb_strip_nulls(j) AS pg_jsonb_value(pg_jsonb_strip_nulls(CAST(j AS VARCHAR)))");
    macro(sql, "jsonb_pretty(j) AS pg_jsonb_pretty(CAST(j AS VARCHAR))");
    macro(sql, "jsonb_exists(j, k) AS pg_op_exists(j, k)");
    macro(sql, "jsonb_exists_any(j, k) AS pg_op_exists_any(j, k)");
    macro(sql, "jsonb_exists_all(j, k) AS pg_op_exists_all(j, k)");
    macro(sql, "jsonb_contains(a, b) AS pg_jsonb_contains(CAST(a AS VARCHAR), CAST(b AS VARCHAR))");
    macro(sql, "jsonb_contained(a, b) AS pg_jsonb_contains(CAST(b AS VARCHAR), CAST(a AS VARCHAR))");
    macro(sql, "to_jsonb(x) AS pg_jsonb_value(pg_jsonb_in(pg_json_of(x)))");
    // PostgreSQL's json_agg separates elements with ", " and json_object_agg writes "{ k : v, ... }"; SQL NULLs are null.
    macro(sql, "json_agg(x) AS CAST('[' || string_agg(pg_json_element(x), ', ') || ']' AS JSON)");
    macro(sql, "json_object_agg(k, v) AS CAST('{ ' || string_agg(CASE WHEN k IS NULL THEN error('[22023] field name must not be null') "
        + "ELSE pg_json_quote(k) END || ' : ' || pg_json_element(v), ', ') || ' }' AS JSON)");
    macro(sql, "to_json(x) AS CAST(pg_json_of(x) AS JSON)");
    // PostgreSQL's json_object(text[]) and json_object(keys text[], values text[]), not DuckDB's json_object(k, v, ...).
    String array = "CAST(system.main.to_json(%s) AS VARCHAR)";
    macro(sql, "json_object(a) AS CAST(pg_json_object(" + array.formatted("a") + ") AS JSON), "
        + "(k, v) AS CAST(pg_json_object_pairs(" + array.formatted("k") + ", " + array.formatted("v") + ") AS JSON)");
    macro(sql, "jsonb_object(a) AS pg_jsonb_value(pg_jsonb_in(pg_json_object(" + array.formatted("a") + "))), "
        + "(k, v) AS pg_jsonb_value(pg_jsonb_in(pg_json_object_pairs(" + array.formatted("k") + ", " + array.formatted("v") + ")))");
    macro(sql, "array_to_json(a) AS CAST('[' || array_to_string(list_transform(a, lambda e: pg_json_element(e)), ',') || ']' AS JSON)");
    macro(sql, "jsonb_agg(x) AS pg_jsonb_value(pg_jsonb_in('[' || string_agg(pg_json_element(x), ',') || ']'))");
    macro(sql, "jsonb_object_agg(k, v) AS pg_jsonb_value(pg_jsonb_in('{' || string_agg(CASE WHEN k IS NULL THEN "
        + "error('[22023] field name must not be null') ELSE pg_json_quote(k) END || ':' || pg_json_element(v), ',') || '}'))");
    for (String name : List.of("jsonb_extract_path", "json_extract_path", "jsonb_extract_path_text", "json_extract_path_text")) {
      String operator = name.endsWith("_text") ? "pg_op_path_text" : "pg_op_path";
      String document = name.startsWith("jsonb") ? "pg_to_jsonb(j)" : "pg_to_json(j)";
      List<String> overloads = new ArrayList<>();
      for (int n = 1; n <= MAX_VARIADIC; n++) {
        String parameters = numbered("p", n);
        overloads.add("(j, " + parameters + ") AS " + operator + "(" + document + ", [" + castEach(parameters) + "])");
      }
      macro(sql, name + String.join(", ", overloads));
    }
  }

  private static void setReturning(List<String> sql) {
    for (boolean binary : List.of(true, false)) {
      String prefix = binary ? "jsonb" : "json";
      String flag = binary ? "true" : "false";
      String wrap = binary ? "pg_jsonb_value(%s)" : "CAST(%s AS JSON)";
      String keys = "unnest(CAST(CAST(pg_json_object_keys(CAST(j AS VARCHAR), " + flag + ") AS JSON) AS VARCHAR[]))";
      macro(sql, prefix + "_object_keys(j) AS " + keys);
      macro(sql, prefix + "_object_keys(j) AS TABLE SELECT " + keys + " AS " + prefix + "_object_keys");
      String pairs = "(SELECT unnest(CAST(CAST(pg_json_each(CAST(j AS VARCHAR), " + flag + ", %s) AS JSON) AS JSON[])) AS p)";
      macro(sql, prefix + "_each(j) AS TABLE SELECT p ->> 0 AS key, " + String.format(wrap, "p ->> 1") + " AS value FROM "
          + String.format(pairs, "false"));
      macro(sql, prefix + "_each_text(j) AS TABLE SELECT p ->> 0 AS key, p ->> 1 AS value FROM " + String.format(pairs, "true"));
      String elements = "unnest(CAST(CAST(pg_json_array_elements(CAST(j AS VARCHAR), " + flag + ", %s) AS JSON) AS VARCHAR[]))";
      macro(sql, prefix + "_array_elements(j) AS " + String.format(wrap, String.format(elements, "false")));
      macro(sql, prefix + "_array_elements(j) AS TABLE SELECT " + String.format(wrap, String.format(elements, "false")) + " AS value");
      macro(sql, prefix + "_array_elements_text(j) AS " + String.format(elements, "true"));
      macro(sql, prefix + "_array_elements_text(j) AS TABLE SELECT " + String.format(elements, "true") + " AS value");
    }
  }

  /** json_build_object writes {@code {"a" : 1, "b" : 2}}, json_build_array {@code [1, 2]}; jsonb's are normalized. */
  private static void builders(List<String> sql) {
    List<String> objects = new ArrayList<>();
    List<String> jsonObjects = new ArrayList<>();
    for (int pairs = 0; pairs <= MAX_VARIADIC; pairs++) {
      List<String> parameters = new ArrayList<>();
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= pairs; i++) {
        parameters.add("k" + i);
        parameters.add("v" + i);
        members.add("CASE WHEN k" + i + " IS NULL THEN error('[22004] argument " + (2 * i - 1) + ": key must not be null') "
            + "WHEN NOT pg_is_scalar(k" + i + ") THEN error('[22023] key value must be scalar, not array, composite, or json') "
            + "ELSE pg_json_quote(k" + i + ") END || ' : ' || pg_json_element(v" + i + ")");
      }
      String built = members.isEmpty() ? "'{}'" : "'{' || " + String.join(" || ', ' || ", members) + " || '}'";
      objects.add("(" + String.join(", ", parameters) + ") AS pg_jsonb_value(pg_jsonb_in(" + built + "))");
      jsonObjects.add("(" + String.join(", ", parameters) + ") AS CAST(" + built + " AS JSON)");
    }
    macro(sql, "jsonb_build_object" + String.join(", ", objects));
    macro(sql, "json_build_object" + String.join(", ", jsonObjects));
    List<String> arrays = new ArrayList<>();
    List<String> jsonArrays = new ArrayList<>();
    for (int n = 0; n <= MAX_VARIADIC; n++) {
      List<String> elements = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        elements.add("pg_json_element(v" + i + ")");
      }
      String built = elements.isEmpty() ? "'[]'" : "'[' || " + String.join(" || ', ' || ", elements) + " || ']'";
      arrays.add("(" + numbered("v", n) + ") AS pg_jsonb_value(pg_jsonb_in(" + built + "))");
      jsonArrays.add("(" + numbered("v", n) + ") AS CAST(" + built + " AS JSON)");
    }
    macro(sql, "jsonb_build_array" + String.join(", ", arrays));
    macro(sql, "json_build_array" + String.join(", ", jsonArrays));
  }

  private static String numbered(String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add(prefix + i);
    }
    return String.join(", ", names);
  }

  private static String castEach(String parameters) {
    List<String> casts = new ArrayList<>();
    for (String parameter : parameters.split(", ")) {
      casts.add("CAST(" + parameter + " AS VARCHAR)");
    }
    return String.join(", ", casts);
  }

  private static void macro(List<String> sql, String definition) {
    sql.add("CREATE OR REPLACE TEMP MACRO " + definition);
  }
}
