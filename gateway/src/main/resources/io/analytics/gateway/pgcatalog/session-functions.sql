-- Drivers and BI tools parse "PostgreSQL <major>.<minor>" out of version(); DuckDB's own says only "v1.x".
CREATE OR REPLACE TEMP MACRO version() AS 'PostgreSQL ${server_version} (Analytics Platform gateway on DuckDB ' || (SELECT library_version
    FROM pragma_version()) || ') on x86_64-pc-linux-gnu, compiled by javac, 64-bit';

-- DuckDB's lists every attached database's main schema and leaves the explicit list empty; the
-- session's schema is what its search_path resolves to (public is main).
CREATE OR REPLACE TEMP MACRO current_schemas(include_implicit) AS CASE
    WHEN include_implicit THEN ['pg_catalog', current_schema()]
    ELSE [current_schema()] END;
