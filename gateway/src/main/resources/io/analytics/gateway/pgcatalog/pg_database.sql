-- The one database a session sees, by the name it connected with (${database} is that name as a SQL literal).
CREATE OR REPLACE TEMP VIEW pg_database AS
    SELECT CAST(1 AS BIGINT) AS oid, ${database} AS datname, CAST(10 AS BIGINT) AS datdba, 6 AS encoding,
    'c' AS datlocprovider, false AS datistemplate, true AS datallowconn, -1 AS datconnlimit,
    'C' AS datcollate, 'C' AS datctype, CAST(NULL AS VARCHAR) AS daticulocale, CAST(NULL AS VARCHAR) AS datcollversion,
    CAST(NULL AS VARCHAR[]) AS datacl, CAST(0 AS BIGINT) AS dattablespace;
