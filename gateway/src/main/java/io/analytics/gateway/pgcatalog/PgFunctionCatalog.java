package io.analytics.gateway.pgcatalog;

import java.util.List;

/**
 * pg_proc from DuckDB's functions, as PostgreSQL's catalog shows them: one row per overload with a
 * unique, positive OID, builtins and the session's catalog macros in pg_catalog, argument and return
 * types as OIDs of the type registry. pgjdbc's getFunctions, getProcedures and getFunctionColumns,
 * psql's \df and DBeaver's function browser read it.
 */
final class PgFunctionCatalog {
  /** PostgreSQL's record pseudo-type: what a set-returning function of unnamed columns returns. */
  private static final int RECORD_OID = 2249;

  private PgFunctionCatalog() {}

  /**
   * The pg_proc view. OIDs number the overloads in a fixed order from 1, so they stay below the
   * catalog's relation and schema OIDs (DuckDB starts those at 20000) and a description joined on
   * objoid alone (pgjdbc does) never lands on a function. Pragmas are not callable from SQL, and the
   * gateway's own helper macros (pg_gateway_*) are not the user's; DuckDB's pg_catalog macros that a
   * session macro replaces are listed once. proargtypes is an oidvector, whose text form (what pgjdbc
   * parses) is the OIDs separated by spaces.
   */
  static String pgProc() {
    return "CREATE OR REPLACE TEMP VIEW pg_proc AS "
        + "SELECT CAST(row_number() OVER (ORDER BY f.function_name, f.database_name, f.schema_name, f.function_type, f.function_oid, CAST(f.parameter_types AS VARCHAR), f.return_type) AS BIGINT) AS oid, "
        + "f.function_name AS proname, "
        + "CAST(CASE WHEN f.database_name IN ('system', 'temp') THEN " + PgCatalogObjects.PG_CATALOG_OID + " ELSE s.oid END AS BIGINT) AS pronamespace, "
        + "CAST(10 AS BIGINT) AS proowner, "
        + "CAST(CASE WHEN f.function_type IN ('macro', 'table_macro') THEN 14 ELSE 12 END AS BIGINT) AS prolang, "
        + "CAST(1 AS FLOAT) AS procost, CAST(CASE WHEN f.function_type IN ('table', 'table_macro') THEN 1000 ELSE 0 END AS FLOAT) AS prorows, "
        + "CAST(CASE WHEN f.varargs IS NULL THEN 0 ELSE pg_gateway_type_oid(f.varargs) END AS BIGINT) AS provariadic, "
        + "CAST(0 AS BIGINT) AS prosupport, "
        + "CASE f.function_type WHEN 'aggregate' THEN 'a' WHEN 'window' THEN 'w' ELSE 'f' END AS prokind, "
        + "false AS prosecdef, false AS proleakproof, false AS proisstrict, "
        + "f.function_type IN ('table', 'table_macro') AS proretset, "
        + "CASE f.stability WHEN 'CONSISTENT' THEN 'i' WHEN 'CONSISTENT_WITHIN_QUERY' THEN 's' ELSE 'v' END AS provolatile, "
        + "'s' AS proparallel, "
        + "CAST(len(f.parameters) AS SMALLINT) AS pronargs, CAST(0 AS SMALLINT) AS pronargdefaults, "
        + "CAST(CASE WHEN f.function_type IN ('table', 'table_macro') THEN " + RECORD_OID + " ELSE pg_gateway_type_oid(f.return_type) END AS BIGINT) AS prorettype, "
        + "array_to_string(list_transform(f.parameter_types, lambda t: pg_gateway_type_oid(t)), ' ') AS proargtypes, "
        + "CAST(NULL AS BIGINT[]) AS proallargtypes, CAST(NULL AS VARCHAR[]) AS proargmodes, "
        + "f.parameters AS proargnames, CAST(NULL AS VARCHAR) AS proargdefaults, CAST(NULL AS BIGINT[]) AS protrftypes, "
        + "COALESCE(f.macro_definition, f.function_name) AS prosrc, CAST(NULL AS VARCHAR) AS probin, CAST(NULL AS VARCHAR) AS prosqlbody, "
        + "CAST(NULL AS VARCHAR[]) AS proconfig, CAST(NULL AS VARCHAR[]) AS proacl "
        + "FROM duckdb_functions() f LEFT JOIN duckdb_schemas() s ON s.database_name = f.database_name AND s.schema_name = f.schema_name "
        + "WHERE f.function_type <> 'pragma' AND f.function_name NOT LIKE 'pg\\_gateway\\_%' ESCAPE '\\' "
        + "AND NOT (f.database_name = 'system' AND f.schema_name = 'pg_catalog' "
        + "AND f.function_name IN (SELECT function_name FROM duckdb_functions() WHERE database_name = 'temp'))";
  }

  /**
   * pg_get_function_result and pg_get_function_arguments over pg_proc, as psql's \df shows them and
   * pgjdbc's getFunctions reads them (a result starting with SETOF is a function returning a table).
   */
  static List<String> signatureMacros() {
    // The subqueries name pg_proc pg_gateway_proc: a macro's argument is substituted as written, so an
    // argument "p.oid" from a caller's own "pg_proc p" would otherwise bind to the macro's p.
    return List.of(
        "CREATE OR REPLACE TEMP MACRO pg_get_function_result(function_oid) AS (SELECT CASE WHEN pg_gateway_proc.proretset THEN 'SETOF record' "
            + "ELSE format_type(pg_gateway_proc.prorettype, NULL) END FROM pg_proc pg_gateway_proc WHERE pg_gateway_proc.oid = function_oid)",
        "CREATE OR REPLACE TEMP MACRO pg_get_function_arguments(function_oid) AS (SELECT CASE WHEN pg_gateway_proc.proargtypes = '' THEN '' ELSE array_to_string(list_transform("
            + "string_split(pg_gateway_proc.proargtypes, ' '), lambda t, i: COALESCE(pg_gateway_proc.proargnames[i] || ' ', '') "
            + "|| format_type(CAST(t AS BIGINT), NULL)), ', ') END FROM pg_proc pg_gateway_proc WHERE pg_gateway_proc.oid = function_oid)",
        "CREATE OR REPLACE TEMP MACRO pg_get_function_identity_arguments(function_oid) AS pg_get_function_arguments(function_oid)");
  }
}
