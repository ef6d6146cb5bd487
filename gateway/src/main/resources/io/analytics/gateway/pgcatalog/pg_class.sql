-- Lake datasets are views over Parquet in DuckDB, but tables to their users.
CREATE OR REPLACE TEMP VIEW pg_gateway_lake_views AS SELECT schema_name, view_name FROM duckdb_views()
    WHERE NOT internal AND sql LIKE '%read_parquet(%';

-- ${relkind} is the relation's kind as clients see it: 'r' for a lake dataset's view. Tables are heap
-- and indexes btree, as PostgreSQL's (DuckDB's relam 0 is its "art"); replica identity "default".
-- ${tables_with_foreign_keys} and ${key_index_relations} come from PgKeyCatalog.
CREATE OR REPLACE TEMP VIEW pg_class AS SELECT c.* REPLACE (COALESCE(names.presented_name, c.relname) AS relname, COALESCE(names.presented_oid, c.relnamespace) AS relnamespace,
    ${relkind} AS relkind, CAST(10 AS BIGINT) AS relowner, CAST(NULL AS VARCHAR[]) AS reloptions,
    CASE ${relkind} WHEN 'r' THEN 2 WHEN 'i' THEN 403 ELSE 0 END AS relam,
    CASE WHEN ${relkind} = 'r' THEN 'd' ELSE 'n' END AS relreplident,
    c.oid IN ${tables_with_foreign_keys} AS relhastriggers,
    CAST(COALESCE(facts.row_count, c.reltuples) AS FLOAT) AS reltuples), false AS relforcerowsecurity
    FROM pg_catalog.pg_class c LEFT JOIN pg_gateway_schemas n ON n.oid = c.relnamespace
    LEFT JOIN pg_gateway_lake_sizes facts ON facts.schema_name = n.nspname AND facts.relname = c.relname
    LEFT JOIN pg_gateway_lake_views lake
    ON lake.schema_name = n.nspname AND lake.view_name = c.relname
    LEFT JOIN pg_gateway_relation_names names ON names.oid = c.oid AND names.schema_oid = c.relnamespace
    -- Tables and views of schemas no client sees are left out (see PresentedNames).
    WHERE (names.oid IS NOT NULL OR c.relkind NOT IN ('r', 'v'))
    -- The session's own TEMP catalog objects are not the user's relations.
    AND c.oid NOT IN (SELECT view_oid FROM duckdb_views() WHERE temporary
    UNION ALL SELECT table_oid FROM duckdb_tables() WHERE temporary)
    UNION ALL BY NAME ${key_index_relations};
