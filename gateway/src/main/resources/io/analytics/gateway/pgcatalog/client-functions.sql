-- Definitions and server facts clients ask for; the lake has no triggers or partition keys.
CREATE OR REPLACE TEMP MACRO pg_get_triggerdef(oid) AS CAST(NULL AS VARCHAR), (oid, pretty) AS CAST(NULL AS VARCHAR);

CREATE OR REPLACE TEMP MACRO pg_get_partkeydef(oid) AS CAST(NULL AS VARCHAR);

-- DBeaver asks for the server's keywords to quote identifiers; DuckDB's parser keeps its own list.
CREATE OR REPLACE TEMP MACRO pg_get_keywords() AS TABLE
    SELECT keyword_name AS word, CASE keyword_category
    WHEN 'reserved' THEN 'R' WHEN 'type_function' THEN 'T'
    WHEN 'column_name' THEN 'C' ELSE 'U' END AS catcode, true AS barelabel, CASE keyword_category
    WHEN 'reserved' THEN 'reserved' WHEN 'type_function' THEN 'reserved (can be function or type name)'
    WHEN 'column_name' THEN 'unreserved (cannot be function or type name)'
    ELSE 'unreserved' END AS catdesc, 'can be bare label' AS baredesc
    FROM duckdb_keywords();

CREATE OR REPLACE TEMP MACRO pg_is_in_recovery() AS false;
