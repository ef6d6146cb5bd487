-- DuckDB's pg_settings lists DuckDB's settings; drivers also read PostgreSQL's limits from it.
CREATE OR REPLACE TEMP VIEW pg_settings AS
    SELECT * FROM pg_catalog.pg_settings UNION ALL BY NAME
    SELECT * FROM (VALUES ('max_index_keys', '32'), ('max_identifier_length', '63'), ('max_function_args',
    '100'), ('block_size', '8192'), ('server_version', '${server_version}'), ('server_version_num', '${server_version_num}')) t(name,
    setting);
