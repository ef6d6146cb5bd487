package io.analytics.gateway.functions;

import java.util.List;

/**
 * PostgreSQL's string functions whose name DuckDB also has with other answers, as TEMP macros that
 * shadow DuckDB's for the session (calling DuckDB's own through {@code system.main}): DuckDB counts a
 * negative substring start from the end of the string and takes a negative length backwards (PostgreSQL
 * counts positions before the first character, and refuses a negative length); splits on an empty
 * delimiter into characters (PostgreSQL keeps the string whole); writes hex in upper case and a
 * negative int4 as 64 bits; and returns sha256 as hex text where PostgreSQL returns bytea. array_to_string writes
 * booleans as t/f and has PostgreSQL's three-argument form (a text for NULL elements).
 */
public final class PgStringFunctionMacros {
  /** The names the macros define: a statement naming one needs them. */
  static final List<String> NAMES = List.of("substring", "substr", "split_part", "string_to_array", "to_hex", "sha256", "concat", "concat_ws", "array_to_string", "parse_ident");

  /** The macro writing one of concat's values as PostgreSQL's text: a boolean as t or f, anything else as DuckDB casts it. */
  public static final String CONCAT_TEXT = "pg_concat_text";

  /**
   * substring(s FROM pattern): the text matching the pattern's first parenthesized group if it has one,
   * else the whole match; NULL when nothing matches (or the group took no part).
   */
  private static final String REGEX_SUBSTRING = "(s, p VARCHAR) AS CASE WHEN NOT regexp_matches(s, p) THEN NULL "
      + "WHEN contains(p, '(') THEN nullif(regexp_extract(s, p, 1), '') ELSE regexp_extract(s, p) END";
  private static final String NEGATIVE_LENGTH = "error('negative substring length not allowed')";

  private PgStringFunctionMacros() {}

  public static List<String> statements() {
    return List.of(
        substring("substring", ", " + REGEX_SUBSTRING),
        substring("substr", ""),
        "CREATE OR REPLACE TEMP MACRO split_part(s, d, n) AS CASE WHEN n = 0 THEN error('field position must not be zero') "
            + "WHEN d = '' THEN CASE WHEN n = 1 OR n = -1 THEN s ELSE '' END ELSE system.main.split_part(s, d, n) END",
        // A NULL delimiter splits into characters, an empty one keeps the string whole; an empty string has no elements.
        "CREATE OR REPLACE TEMP MACRO string_to_array(s, d) AS CASE WHEN s IS NULL THEN NULL WHEN s = '' THEN CAST([] AS VARCHAR[]) "
            + "WHEN d IS NULL THEN string_split(s, '') WHEN d = '' THEN [s] ELSE string_split(s, d) END, "
            + "(s, d, n) AS list_transform(string_to_array(s, d), lambda e: CASE WHEN e = n THEN NULL ELSE e END)",
        "CREATE OR REPLACE TEMP MACRO to_hex(x INTEGER) AS lower(system.main.to_hex(CAST(x AS BIGINT) & 4294967295)), "
            + "(x BIGINT) AS lower(system.main.to_hex(x)), (x) AS lower(system.main.to_hex(x))",
        "CREATE OR REPLACE TEMP MACRO sha256(b) AS unhex(system.main.sha256(b))",
        // PgJavaFunctions' pg_parse_ident answers a JSON array of the identifiers.
        "CREATE OR REPLACE TEMP MACRO parse_ident(s) AS CAST(CAST(" + PgJavaFunctions.MARKER + "(s, true) AS JSON) AS VARCHAR[]), "
            + "(s, strict) AS CAST(CAST(" + PgJavaFunctions.MARKER + "(s, strict) AS JSON) AS VARCHAR[])",
        "CREATE OR REPLACE TEMP MACRO " + CONCAT_TEXT + "(x) AS CASE WHEN typeof(x) = 'BOOLEAN' THEN left(CAST(x AS VARCHAR), 1) "
            + "ELSE CAST(x AS VARCHAR) END",
        // Elements written as concat writes them (booleans t/f); the third argument stands for NULL elements.
        "CREATE OR REPLACE TEMP MACRO array_to_string(a, sep) AS system.main.array_to_string(list_transform(a, lambda e: "
            + CONCAT_TEXT + "(e)), sep), (a, sep, n) AS system.main.array_to_string(list_transform(a, lambda e: coalesce("
            + CONCAT_TEXT + "(e), n)), sep)");
  }

  /** PostgreSQL's substring(s, start [, length]): the characters at positions start..start+length-1 that exist. */
  private static String substring(String name, String more) {
    return "CREATE OR REPLACE TEMP MACRO " + name + "(s, start BIGINT) AS system.main.substring(s, greatest(start, 1))" + more + ", "
        + "(s, start BIGINT, n BIGINT) AS CASE WHEN n < 0 THEN " + NEGATIVE_LENGTH + " ELSE "
        + "system.main.substring(s, greatest(start, 1), greatest(start + n - greatest(start, 1), 0)) END";
  }
}
