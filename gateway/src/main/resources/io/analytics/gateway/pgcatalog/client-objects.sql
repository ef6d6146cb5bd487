-- pgjdbc's getPrimaryKeys and getIndexInfo expand index keys with this set-returning function; DuckDB
-- unnests both uses in one select list side by side, as PostgreSQL runs them.
CREATE OR REPLACE TEMP MACRO _pg_expandarray(a) AS unnest(list_transform(a, lambda v, i: {'x': v, 'n': i}));

-- Catalogs of features the lake does not have: present and empty, so clients' queries run.
CREATE OR REPLACE TEMP VIEW pg_extension AS
    SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS extname, CAST(NULL AS BIGINT) AS extowner,
    CAST(NULL AS BIGINT) AS extnamespace, false AS extrelocatable, CAST(NULL AS VARCHAR) AS extversion,
    CAST(NULL AS BIGINT[]) AS extconfig, CAST(NULL AS VARCHAR[]) AS extcondition
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_matviews AS
    SELECT CAST(NULL AS VARCHAR) AS schemaname, CAST(NULL AS VARCHAR) AS matviewname, CAST(NULL AS VARCHAR) AS matviewowner,
    CAST(NULL AS VARCHAR) AS tablespace, false AS hasindexes, false AS ispopulated, CAST(NULL AS VARCHAR) AS definition
    WHERE false;

-- The lake has no sequences, serial or identity columns.
CREATE OR REPLACE TEMP MACRO pg_get_serial_sequence(relation, column_name) AS CAST(NULL AS VARCHAR);
