-- Functions over relations, owners and arrays that psql and drivers call.
CREATE OR REPLACE TEMP MACRO pg_get_userbyid(id) AS 'analytics';

CREATE OR REPLACE TEMP MACRO pg_encoding_to_char(encoding) AS 'UTF8';

CREATE OR REPLACE TEMP MACRO pg_gateway_relation_oid(name) AS (SELECT c.oid
    FROM pg_catalog.pg_class c JOIN pg_gateway_schemas n ON n.oid = c.relnamespace
    WHERE c.relname = string_split(replace(name, '"', ''), '.')[-1]
    AND (len(string_split(name, '.')) = 1 OR n.nspname = string_split(replace(name, '"', ''), '.')[-2]) LIMIT 1);

-- The system catalogs have PostgreSQL's fixed OIDs (drivers write d.classoid = 'pg_class'::regclass).
-- An OID (a number, or its text) is already the relation, as PostgreSQL's regclass input takes it.
CREATE OR REPLACE TEMP MACRO pg_regclass(name) AS CASE
    WHEN TRY_CAST(CAST(name AS VARCHAR) AS BIGINT) IS NOT NULL THEN TRY_CAST(CAST(name AS VARCHAR) AS BIGINT)
    ELSE CASE replace(replace(CAST(name AS VARCHAR), 'pg_catalog.', ''), '"', '')
    WHEN 'pg_class' THEN 1259 WHEN 'pg_namespace' THEN 2615
    WHEN 'pg_attribute' THEN 1249 WHEN 'pg_type' THEN 1247
    WHEN 'pg_proc' THEN 1255 WHEN 'pg_constraint' THEN 2606
    WHEN 'pg_description' THEN 2609 WHEN 'pg_database' THEN 1262
    WHEN 'pg_authid' THEN 1260 ELSE pg_gateway_relation_oid(CAST(name AS VARCHAR)) END END;

CREATE OR REPLACE TEMP MACRO pg_get_statisticsobjdef_columns(oid) AS CAST(NULL AS VARCHAR);

CREATE OR REPLACE TEMP MACRO pg_relation_is_publishable(oid) AS false;

CREATE OR REPLACE TEMP MACRO array_upper(a, dimension) AS CASE
    WHEN len(a) = 0 THEN NULL ELSE len(a) END;

CREATE OR REPLACE TEMP MACRO array_lower(a, dimension) AS CASE
    WHEN len(a) = 0 THEN NULL ELSE 1 END;
