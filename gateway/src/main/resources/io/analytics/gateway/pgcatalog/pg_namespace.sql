-- DuckDB lists only the current database's schemas; the types and functions clients join with
-- pg_namespace (pgjdbc's getTypeInfo, TypeInfoCache) live in pg_catalog.
-- Schemas by the names clients see (see PresentedNames): public for DuckDB's main, one per source.
CREATE OR REPLACE TEMP VIEW pg_namespace AS
    SELECT DISTINCT presented_oid AS oid, presented_schema AS nspname, CAST(10 AS BIGINT) AS nspowner,
    CAST(NULL AS VARCHAR[]) AS nspacl
    FROM pg_gateway_schema_names WHERE listed UNION ALL
    SELECT CAST(oid AS BIGINT), schema_name, CAST(10 AS BIGINT), CAST(NULL AS VARCHAR[])
    FROM duckdb_schemas() WHERE database_name = 'system'
    AND schema_name IN ('pg_catalog', 'information_schema');
