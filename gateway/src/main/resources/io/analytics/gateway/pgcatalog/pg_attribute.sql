-- Columns carry the OIDs and modifiers RowDescription sends for them, from the one type registry; a column's
-- declared character type (${declared_type_oid}, ${declared_typmod}, from DeclaredTypeColumns) comes first
-- (${index_attributes}, from PgKeyCatalog, adds the key indexes' columns).
CREATE OR REPLACE TEMP VIEW pg_gateway_attribute AS SELECT a.* REPLACE (
    COALESCE(${declared_type_oid}, pg_gateway_type_oid(col.data_type), a.atttypid) AS atttypid,
    COALESCE(${declared_typmod}, pg_gateway_typmod(col.data_type), a.atttypmod) AS atttypmod, -1 AS attstattarget)
    FROM pg_catalog.pg_attribute a LEFT JOIN duckdb_columns() col
    ON col.table_oid = a.attrelid AND col.column_index = a.attnum
    UNION ALL BY NAME ${index_attributes};

-- PostgreSQL's storage of each column's type (psql's \d+ "Storage"); DuckDB leaves it empty.
CREATE OR REPLACE TEMP VIEW pg_attribute AS SELECT a.* REPLACE (COALESCE(t.typstorage, 'p') AS attstorage) FROM pg_gateway_attribute a LEFT JOIN pg_type t ON t.oid = a.atttypid;
