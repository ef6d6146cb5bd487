package io.analytics.gateway.functions;

import java.util.List;

/**
 * PostgreSQL functions DuckDB lacks or names differently, as TEMP macros created when a session
 * starts, each answering as PostgreSQL 15 does for the arguments clients pass (checked against
 * PostgreSQL by the differential suite's functions cases). Where PostgreSQL's name is also one of
 * DuckDB's (lpad, encode, decode), the macro keeps every overload PostgreSQL has, calling DuckDB's
 * own through {@code system.main}. What a macro cannot do exactly it refuses with an error.
 */
public final class PgFunctionMacros {
  /** quote_ident quotes these (PostgreSQL's keywords that are not unreserved, from pg_get_keywords()). */
  static final List<String> QUOTED_KEYWORDS = List.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint",
      "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation",
      "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
      "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
      "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
      "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int",
      "integer", "intersect", "interval", "into", "is", "isnull", "join", "json_array", "json_arrayagg", "json_object",
      "json_objectagg", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national",
      "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or",
      "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references",
      "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
      "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
      "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
      "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
      "xmltable");

  /** DuckDB's types of whole numbers (typeof), which div divides exactly. */
  private static final String WHOLE = "TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|DECIMAL\\(\\d+,0\\)";

  private PgFunctionMacros() {}

  /** The CREATE MACRO statements, run once when a session starts. */
  public static List<String> statements() {
    return List.of(
        // Words are runs of letters and digits (PostgreSQL in the C locale): the first letter of each upper case.
        "CREATE OR REPLACE TEMP MACRO initcap(s) AS array_to_string(list_transform(string_split(lower(s), ''), "
            + "lambda c, i: CASE WHEN i = 1 OR NOT regexp_matches(substr(s, i - 1, 1), '[[:alnum:]]') THEN upper(c) ELSE c END), '')",
        "CREATE OR REPLACE TEMP MACRO btrim(s) AS trim(s), (s, characters) AS trim(s, characters)",
        "CREATE OR REPLACE TEMP MACRO lpad(s, n) AS system.main.lpad(s, n, ' '), (s, n, fill) AS system.main.lpad(s, n, fill)",
        "CREATE OR REPLACE TEMP MACRO rpad(s, n) AS system.main.rpad(s, n, ' '), (s, n, fill) AS system.main.rpad(s, n, fill)",
        "CREATE OR REPLACE TEMP MACRO quote_ident(s) AS CASE WHEN regexp_full_match(s, '[a-z_][a-z0-9_]*') AND s NOT IN ("
            + String.join(", ", QUOTED_KEYWORDS.stream().map(word -> "'" + word + "'").toList())
            + ") THEN s ELSE '\"' || replace(s, '\"', '\"\"') || '\"' END",
        // A backslash makes it an E'' literal with the backslashes doubled, as PostgreSQL writes it.
        "CREATE OR REPLACE TEMP MACRO quote_literal(v) AS CASE WHEN contains(CAST(v AS VARCHAR), '\\') THEN 'E' ELSE '' END "
            + "|| '''' || replace(replace(CAST(v AS VARCHAR), '\\', '\\\\'), '''', '''''') || ''''",
        "CREATE OR REPLACE TEMP MACRO quote_nullable(v) AS coalesce(quote_literal(v), 'NULL')",
        // div(y, x): the integer quotient rounded toward zero, numeric; exact in 128-bit integers when both are whole numbers.
        "CREATE OR REPLACE TEMP MACRO div(y, x) AS CASE WHEN x = 0 THEN error('division by zero') "
            + "WHEN regexp_full_match(typeof(y) || ' ' || typeof(x), '(" + WHOLE + ") (" + WHOLE + ")') "
            + "THEN CAST(CAST(y AS HUGEINT) // CAST(x AS HUGEINT) AS DECIMAL(38, 0)) "
            + "ELSE CAST(trunc(CAST(y AS DOUBLE) / CAST(x AS DOUBLE)) AS DECIMAL(38, 0)) END",
        "CREATE OR REPLACE TEMP MACRO width_bucket(operand, low, high, count) AS CASE "
            + "WHEN count <= 0 THEN error('count must be greater than zero') "
            + "WHEN low = high THEN error('lower bound cannot equal upper bound') "
            + "WHEN NOT isfinite(CAST(low AS DOUBLE)) OR NOT isfinite(CAST(high AS DOUBLE)) THEN error('lower and upper bounds must be finite') "
            + "WHEN low < high THEN CASE WHEN operand < low THEN 0 WHEN operand >= high THEN CAST(count AS INTEGER) + 1 "
            + "ELSE CAST(floor(CAST(operand - low AS DOUBLE) * count / CAST(high - low AS DOUBLE)) AS INTEGER) + 1 END "
            + "ELSE CASE WHEN operand > low THEN 0 WHEN operand <= high THEN CAST(count AS INTEGER) + 1 "
            + "ELSE CAST(floor(CAST(low - operand AS DOUBLE) * count / CAST(low - high AS DOUBLE)) AS INTEGER) + 1 END END",
        "CREATE OR REPLACE TEMP MACRO every(b) AS bool_and(b)",
        // gcd and lcm of int4 are int4 (DuckDB's are bigint), so a result beyond int4 is 22003 as in PostgreSQL.
        "CREATE OR REPLACE TEMP MACRO gcd(a INTEGER, b INTEGER) AS CAST(system.main.gcd(CAST(a AS BIGINT), CAST(b AS BIGINT)) AS INTEGER), "
            + "(a, b) AS system.main.gcd(a, b)",
        "CREATE OR REPLACE TEMP MACRO lcm(a INTEGER, b INTEGER) AS CAST(system.main.lcm(CAST(a AS BIGINT), CAST(b AS BIGINT)) AS INTEGER), "
            + "(a, b) AS system.main.lcm(a, b)",
        "CREATE OR REPLACE TEMP MACRO array_remove(a, e) AS list_filter(a, lambda x: x IS DISTINCT FROM e)",
        "CREATE OR REPLACE TEMP MACRO array_replace(a, old, new) AS "
            + "list_transform(a, lambda x: CASE WHEN x IS NOT DISTINCT FROM old THEN new ELSE x END)",
        // Text read as PostgreSQL reads bytea input: '\x..' is hex (DuckDB's cast would keep the digits as characters);
        // the escape format is refused rather than approximated.
        "CREATE OR REPLACE TEMP MACRO " + io.analytics.gateway.dialect.ByteaCasts.MACRO + "(b) AS CASE WHEN typeof(b) <> 'VARCHAR' "
            + "THEN CAST(b AS BLOB) WHEN starts_with(CAST(b AS VARCHAR), '\\x') "
            + "THEN unhex(regexp_replace(substr(CAST(b AS VARCHAR), 3), '\\s', '', 'g')) WHEN contains(CAST(b AS VARCHAR), '\\') "
            + "THEN error('bytea escape-format input of a computed value is not supported by the gateway (hex format is)') "
            + "ELSE CAST(b AS BLOB) END",
        // PostgreSQL's base64 breaks lines after 76 characters; 'escape' is refused rather than approximated.
        "CREATE OR REPLACE TEMP MACRO encode(b, format) AS CASE lower(format) WHEN 'hex' THEN lower(hex(" + io.analytics.gateway.dialect.ByteaCasts.MACRO + "(b))) "
            + "WHEN 'base64' THEN rtrim(regexp_replace(to_base64(" + io.analytics.gateway.dialect.ByteaCasts.MACRO + "(b)), '(.{76})', '\\1' || chr(10), 'g'), chr(10)) "
            + "ELSE error('encoding \"' || format || '\" is not supported by the gateway (hex and base64 are)') END",
        "CREATE OR REPLACE TEMP MACRO decode(s, format) AS CASE lower(format) WHEN 'hex' THEN unhex(s) "
            + "WHEN 'base64' THEN from_base64(replace(s, chr(10), '')) "
            + "ELSE error('encoding \"' || format || '\" is not supported by the gateway (hex and base64 are)') END",
        // DuckDB has no clock that moves within a transaction: the statement's transaction start.
        "CREATE OR REPLACE TEMP MACRO clock_timestamp() AS get_current_timestamp()");
  }
}
