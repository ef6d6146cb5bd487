-- pg_description from the lake's declared schemas and layer descriptions (pg_gateway_lake_descriptions;
-- PostgreSQL's classoid 1259 for relations and columns, 2615 for schemas), and obj_description /
-- col_description over it.
CREATE OR REPLACE TEMP VIEW pg_description AS
    SELECT CAST(c.oid AS BIGINT) AS objoid, CAST(1259 AS BIGINT) AS classoid, CAST(COALESCE(a.attnum,
    0) AS INTEGER) AS objsubid, d.description
    FROM pg_gateway_lake_descriptions d JOIN pg_gateway_schemas n ON n.nspname = d.schema_name
    JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid
    AND c.relname = d.relname LEFT JOIN pg_catalog.pg_attribute a ON d.column_name <> ''
    AND a.attrelid = c.oid AND a.attname = d.column_name
    WHERE d.relname <> '' AND (d.column_name = '' OR a.attnum IS NOT NULL)
    UNION ALL SELECT CAST(n.oid AS BIGINT), CAST(2615 AS BIGINT), 0, d.description
    FROM pg_gateway_lake_descriptions d JOIN pg_gateway_schemas n ON n.nspname = d.schema_name
    WHERE d.relname = '' AND d.description <> '';

CREATE OR REPLACE TEMP MACRO obj_description(object_id) AS (SELECT description
    FROM pg_description WHERE objoid = object_id
    AND objsubid = 0 LIMIT 1), (object_id, catalog_name) AS (SELECT description
    FROM pg_description WHERE objoid = object_id
    AND objsubid = 0 AND classoid = CASE catalog_name
    WHEN 'pg_class' THEN 1259 WHEN 'pg_namespace' THEN 2615
    ELSE -1 END LIMIT 1);

CREATE OR REPLACE TEMP MACRO shobj_description(object_id, catalog_name) AS CAST(NULL AS VARCHAR);

CREATE OR REPLACE TEMP MACRO col_description(table_id, column_number) AS (SELECT description
    FROM pg_description WHERE objoid = table_id
    AND objsubid = column_number AND classoid = 1259 LIMIT 1);
