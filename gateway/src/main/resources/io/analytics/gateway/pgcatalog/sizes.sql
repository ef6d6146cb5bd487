-- Sizes from the lake's facts (pg_gateway_lake_sizes). The macro's own aliases must not be ones callers
-- use (pg_table_size(c.oid) would bind c to the macro's pg_class).
CREATE OR REPLACE TEMP MACRO pg_table_size(relation) AS COALESCE((SELECT pg_gateway_s.bytes
    FROM pg_catalog.pg_class pg_gateway_c JOIN pg_gateway_schemas pg_gateway_n ON pg_gateway_n.oid = pg_gateway_c.relnamespace
    JOIN pg_gateway_lake_sizes pg_gateway_s ON pg_gateway_s.schema_name = pg_gateway_n.nspname
    AND pg_gateway_s.relname = pg_gateway_c.relname
    WHERE pg_gateway_c.oid = relation LIMIT 1), 0);

CREATE OR REPLACE TEMP MACRO pg_relation_size(relation) AS pg_table_size(relation), (relation,
    fork) AS pg_table_size(relation);

CREATE OR REPLACE TEMP MACRO pg_total_relation_size(relation) AS pg_table_size(relation);

-- The lake's Parquet files are the database's size; the lake has no indexes.
CREATE OR REPLACE TEMP MACRO pg_database_size(database) AS CAST((SELECT coalesce(sum(bytes), 0)
    FROM pg_gateway_lake_sizes) AS BIGINT);

CREATE OR REPLACE TEMP MACRO pg_indexes_size(relation) AS CAST(0 AS BIGINT);

-- PostgreSQL's rounding: whole bytes below 10 kB, then kB, MB, GB, TB, each rounded half up. The limits
-- are written out: DuckDB folds 10 * 1024 * ... in INTEGER, which overflows.
CREATE OR REPLACE TEMP MACRO pg_size_pretty(bytes) AS CASE
    WHEN abs(bytes) < 10240 THEN bytes || ' bytes'
    WHEN abs(bytes) < 10485760 THEN round(bytes / 1024.0)::BIGINT || ' kB'
    WHEN abs(bytes) < 10737418240 THEN round(bytes / 1048576.0)::BIGINT || ' MB'
    WHEN abs(bytes) < 10995116277760 THEN round(bytes / 1073741824.0)::BIGINT || ' GB'
    ELSE round(bytes / 1099511627776.0)::BIGINT || ' TB' END;
