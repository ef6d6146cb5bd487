package io.analytics.gateway.pgcatalog;

import java.util.List;

/**
 * Warehouse tables' keys, constraints and indexes as PostgreSQL's catalogs describe them, so that
 * psql's {@code \d} lists "Indexes:", "Foreign-key constraints:" and "Referenced by:", pgjdbc's
 * getPrimaryKeys, getImportedKeys and getIndexInfo, SQLAlchemy's inspector and psqlODBC's
 * SQLPrimaryKeys answer. A PRIMARY KEY or UNIQUE constraint is backed by an index in PostgreSQL
 * (of the constraint's name); DuckDB lists only the constraint, so the index is made up here:
 * a relation of kind 'i' in pg_class, a row in pg_index and its columns in pg_attribute, all
 * under one OID ({@code 2000000000 + table oid * 1024 + constraint index}, the constraint's own
 * OID less 10^9) that pg_constraint's conindid names. Indexes made with CREATE INDEX are DuckDB's
 * own relations and get their pg_index row under DuckDB's OID.
 */
final class PgKeyCatalog {
  private PgKeyCatalog() {}

  /** The constraint's OID in pg_constraint; its index (for a key) is this less 10^9. */
  private static final String CONSTRAINT_OID = "CAST(3000000000 + d.table_oid * 1024 + d.constraint_index AS BIGINT)";
  /** The OID of the referenced table of a foreign key d. */
  private static final String REFERENCED = "(SELECT t.table_oid FROM duckdb_tables() t WHERE t.database_name = d.database_name "
      + "AND t.schema_name = d.schema_name AND t.table_name = d.referenced_table LIMIT 1)";

  /** Needs pg_gateway_relation_names (PresentedNames) and pg_table_is_visible; pg_class and pg_attribute then use pg_gateway_indexes. */
  static List<String> statements() {
    return List.of(
        // PostgreSQL's quote_ident for names that are not plain lower-case identifiers.
        "CREATE OR REPLACE TEMP MACRO pg_gateway_quote_ident(name) AS CASE WHEN regexp_full_match(name, '[a-z_][a-z0-9_$]*') "
            + "THEN name ELSE '\"' || replace(name, '\"', '\"\"') || '\"' END",
        // A regclass as PostgreSQL prints it: the relation's name, qualified when it is not visible on the search path.
        "CREATE OR REPLACE TEMP MACRO pg_gateway_regclass_text(relation) AS COALESCE((SELECT CASE WHEN pg_table_is_visible(r.oid) "
            + "THEN pg_gateway_quote_ident(r.presented_name) "
            + "ELSE pg_gateway_quote_ident(r.presented_schema) || '.' || pg_gateway_quote_ident(r.presented_name) END "
            + "FROM pg_gateway_relation_names r WHERE r.oid = relation LIMIT 1), CAST(relation AS VARCHAR))",
        // PostgreSQL's default constraint names; DuckDB's own name a key and a foreign key by all their columns.
        "CREATE OR REPLACE TEMP MACRO pg_gateway_constraint_name(kind, table_name, columns, name) AS CASE kind "
            + "WHEN 'PRIMARY KEY' THEN table_name || '_pkey' "
            + "WHEN 'FOREIGN KEY' THEN table_name || '_' || array_to_string(columns, '_') || '_fkey' ELSE name END",
        indexes(),
        constraints(),
        "CREATE OR REPLACE TEMP MACRO pg_get_constraintdef(constraint_oid) AS (SELECT CASE d.constraint_type "
            + "WHEN 'PRIMARY KEY' THEN 'PRIMARY KEY (' || array_to_string(list_transform(d.constraint_column_names, "
            + "lambda n: pg_gateway_quote_ident(n)), ', ') || ')' "
            + "WHEN 'UNIQUE' THEN 'UNIQUE (' || array_to_string(list_transform(d.constraint_column_names, "
            + "lambda n: pg_gateway_quote_ident(n)), ', ') || ')' "
            + "WHEN 'CHECK' THEN 'CHECK ' || d.expression "
            + "WHEN 'FOREIGN KEY' THEN 'FOREIGN KEY (' || array_to_string(list_transform(d.constraint_column_names, "
            + "lambda n: pg_gateway_quote_ident(n)), ', ') || ') REFERENCES ' || pg_gateway_quote_ident(d.referenced_table) || '(' "
            + "|| array_to_string(list_transform(d.referenced_column_names, lambda n: pg_gateway_quote_ident(n)), ', ') || ')' "
            + "ELSE d.constraint_text END FROM duckdb_constraints() d WHERE " + CONSTRAINT_OID + " = constraint_oid LIMIT 1), "
            + "(constraint_oid, pretty) AS pg_get_constraintdef(constraint_oid)",
        pgIndex(),
        // pg_get_indexdef(oid): the CREATE INDEX statement; (oid, n, pretty): its n-th key column, 0 for the statement.
        "CREATE OR REPLACE TEMP MACRO pg_get_indexdef(pg_gateway_index) AS " + indexDefinition("0") + ", "
            + "(pg_gateway_index, pg_gateway_column, pg_gateway_pretty) AS " + indexDefinition("pg_gateway_column"),
        // PostgreSQL's access methods with their OIDs: tables are heap, keys btree (DuckDB's own pg_am has only "art").
        "CREATE OR REPLACE TEMP VIEW pg_am AS SELECT CAST(oid AS BIGINT) AS oid, amname, amhandler, amtype FROM (VALUES "
            + "(2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'), (405, 'hash', 'hashhandler', 'i'), "
            + "(783, 'gist', 'gisthandler', 'i'), (2742, 'gin', 'ginhandler', 'i'), (4000, 'spgist', 'spghandler', 'i'), "
            + "(3580, 'brin', 'brinhandler', 'i')) t(oid, amname, amhandler, amtype)",
        // Partitions do not exist here: a relation is its own only ancestor (psql's "Referenced by:" asks).
        "CREATE OR REPLACE TEMP MACRO pg_partition_ancestors(relation) AS unnest([CAST(relation AS BIGINT)])");
  }

  /** pg_get_indexdef's text: the CREATE INDEX statement for column 0, else the column's key. */
  private static String indexDefinition(String column) {
    return "(SELECT CASE WHEN " + column + " = 0 THEN 'CREATE ' "
        + "|| CASE WHEN k.is_unique THEN 'UNIQUE ' ELSE '' END || 'INDEX ' || pg_gateway_quote_ident(k.index_name) || ' ON ' "
        + "|| pg_gateway_quote_ident(k.schema_name) || '.' || pg_gateway_quote_ident(k.table_name) || ' USING btree (' "
        + "|| array_to_string(k.key_texts, ', ') || ')' ELSE k.key_texts[" + column + "] END "
        + "FROM pg_gateway_indexes k WHERE k.index_oid = pg_gateway_index LIMIT 1)";
  }

  /**
   * pg_gateway_indexes: one row per index, with the columns pg_class, pg_index, pg_attribute and
   * pg_get_indexdef need: the keys' (from duckdb_constraints) and CREATE INDEX's (from duckdb_indexes).
   */
  private static String indexes() {
    return "CREATE OR REPLACE TEMP VIEW pg_gateway_indexes AS "
        + "SELECT CAST(2000000000 + d.table_oid * 1024 + d.constraint_index AS BIGINT) AS index_oid, true AS constraint_backed, "
        + "CAST(d.table_oid AS BIGINT) AS table_oid, names.presented_oid AS namespace_oid, names.presented_schema AS schema_name, "
        + "names.presented_name AS table_name, "
        + "pg_gateway_constraint_name(d.constraint_type, d.table_name, d.constraint_column_names, d.constraint_name) AS index_name, "
        + "true AS is_unique, d.constraint_type = 'PRIMARY KEY' AS is_primary, "
        + "list_transform(d.constraint_column_indexes, lambda k: CAST(k + 1 AS SMALLINT)) AS key_columns, "
        + "list_transform(d.constraint_column_names, lambda n: pg_gateway_quote_ident(n)) AS key_texts "
        + "FROM duckdb_constraints() d JOIN pg_gateway_relation_names names ON names.oid = d.table_oid "
        + "WHERE d.constraint_type IN ('PRIMARY KEY', 'UNIQUE') "
        // DuckDB gives CREATE INDEX's keys as one text, "[a, b]": a list of plain names is split into its columns, else
        // the index has one key, an expression (key column 0, as in PostgreSQL).
        + "UNION ALL SELECT CAST(i.index_oid AS BIGINT), false, CAST(i.table_oid AS BIGINT), names.presented_oid, "
        + "names.presented_schema, names.presented_name, i.index_name, i.is_unique, i.is_primary, "
        + "list_transform(i.keys, lambda e: CAST(COALESCE(list_position(cols.names, replace(e, '\"', '')), 0) AS SMALLINT)), "
        + "list_transform(i.keys, lambda e: CASE WHEN list_contains(cols.names, replace(e, '\"', '')) "
        + "THEN pg_gateway_quote_ident(replace(e, '\"', '')) ELSE e END) "
        + "FROM (SELECT *, CASE WHEN regexp_full_match(expressions, '\\[[^''(),]*\\]') "
        + "THEN string_split(substring(expressions, 2, length(expressions) - 2), ', ') "
        + "ELSE [replace(substring(expressions, 2, length(expressions) - 2), '''', '')] END AS keys FROM duckdb_indexes()) i "
        + "JOIN pg_gateway_relation_names names ON names.oid = i.table_oid "
        + "JOIN (SELECT table_oid, list(column_name ORDER BY column_index) AS names FROM duckdb_columns() GROUP BY table_oid) cols "
        + "ON cols.table_oid = i.table_oid";
  }

  /**
   * pg_constraint with PostgreSQL's names, 1-based keys, OIDs within uint32, and conindid naming
   * a key's index (for a foreign key, the referenced table's key index, where pgjdbc's
   * getImportedKeys reads PK_NAME). DuckDB's own names each check by its text, numbers conkey
   * from 0 and lists NOT NULL as a constraint.
   */
  private static String constraints() {
    String keyIndex = "CASE WHEN c.contype IN ('p', 'u') THEN " + CONSTRAINT_OID + " - 1000000000 "
        + "WHEN c.contype = 'f' THEN COALESCE((SELECT k.index_oid FROM pg_gateway_indexes k WHERE k.table_oid = " + REFERENCED + " "
        + "AND k.is_unique AND list_sort(list_transform(k.key_texts, lambda t: replace(t, '\"', ''))) "
        + "= list_sort(d.referenced_column_names) ORDER BY k.is_primary DESC LIMIT 1), 0) ELSE 0 END";
    return "CREATE OR REPLACE TEMP VIEW pg_constraint AS SELECT " + CONSTRAINT_OID + " AS oid, "
        + "CAST(pg_gateway_constraint_name(d.constraint_type, d.table_name, d.constraint_column_names, d.constraint_name) AS VARCHAR) "
        + "AS conname, c.connamespace, c.contype, c.condeferrable, c.condeferred, c.convalidated, c.conrelid, "
        + "CAST(c.contypid AS BIGINT) AS contypid, CAST(" + keyIndex + " AS BIGINT) AS conindid, CAST(0 AS BIGINT) AS conparentid, "
        + "CAST(COALESCE(" + REFERENCED + ", 0) AS BIGINT) AS confrelid, "
        + "CASE WHEN c.contype = 'f' THEN 'a' ELSE ' ' END AS confupdtype, CASE WHEN c.contype = 'f' THEN 'a' ELSE ' ' END AS confdeltype, "
        + "CASE WHEN c.contype = 'f' THEN 's' ELSE ' ' END AS confmatchtype, c.conislocal, c.coninhcount, c.connoinherit, "
        + "list_transform(d.constraint_column_indexes, lambda k: CAST(k + 1 AS SMALLINT)) AS conkey, "
        + "CASE WHEN c.contype = 'f' THEN (SELECT list(CAST(col.column_index AS SMALLINT) "
        + "ORDER BY list_position(d.referenced_column_names, col.column_name)) FROM duckdb_columns() col "
        + "WHERE col.table_oid = " + REFERENCED + " AND list_contains(d.referenced_column_names, col.column_name)) END AS confkey, "
        + "CAST(NULL AS BIGINT[]) AS conpfeqop, CAST(NULL AS BIGINT[]) AS conppeqop, CAST(NULL AS BIGINT[]) AS conffeqop, "
        + "CAST(NULL AS BIGINT[]) AS conexclop, c.conbin "
        + "FROM pg_catalog.pg_constraint c JOIN duckdb_constraints() d ON d.table_oid * 1000000 + d.constraint_index = c.oid "
        + "WHERE c.contype IN ('p', 'u', 'c', 'f')";
  }

  /** pg_index with PostgreSQL 15's columns; indkey and the other int2vector columns are lists (see Int2VectorColumns). */
  private static String pgIndex() {
    return "CREATE OR REPLACE TEMP VIEW pg_index AS SELECT k.index_oid AS indexrelid, k.table_oid AS indrelid, "
        + "CAST(len(k.key_columns) AS SMALLINT) AS indnatts, CAST(len(k.key_columns) AS SMALLINT) AS indnkeyatts, "
        + "k.is_unique AS indisunique, false AS indnullsnotdistinct, k.is_primary AS indisprimary, false AS indisexclusion, "
        + "true AS indimmediate, false AS indisclustered, true AS indisvalid, false AS indcheckxmin, true AS indisready, "
        + "true AS indislive, false AS indisreplident, k.key_columns AS indkey, "
        + "list_transform(k.key_columns, lambda x: CAST(0 AS BIGINT)) AS indcollation, "
        + "list_transform(k.key_columns, lambda x: CAST(0 AS BIGINT)) AS indclass, "
        + "list_transform(k.key_columns, lambda x: CAST(0 AS SMALLINT)) AS indoption, "
        + "CAST(NULL AS VARCHAR) AS indexprs, CAST(NULL AS VARCHAR) AS indpred FROM pg_gateway_indexes k";
  }

  /** The made-up index relations of keys, for pg_class (CREATE INDEX's are DuckDB's own there). */
  static String keyIndexRelations() {
    return "SELECT k.index_oid AS oid, k.index_name AS relname, k.namespace_oid AS relnamespace, 0 AS reltype, 0 AS reloftype, "
        + "CAST(10 AS BIGINT) AS relowner, 403 AS relam, 0 AS relfilenode, 0 AS reltablespace, 0 AS relpages, "
        + "CAST(0 AS FLOAT) AS reltuples, 0 AS relallvisible, 0 AS reltoastrelid, 0 AS reltoastidxid, false AS relhasindex, "
        + "false AS relisshared, 'p' AS relpersistence, 'i' AS relkind, CAST(len(k.key_columns) AS BIGINT) AS relnatts, "
        + "CAST(0 AS BIGINT) AS relchecks, false AS relhasoids, false AS relhaspkey, false AS relhasrules, false AS relhastriggers, "
        + "false AS relhassubclass, false AS relrowsecurity, true AS relispopulated, 'n' AS relreplident, false AS relispartition, "
        + "0 AS relrewrite, 0 AS relfrozenxid, CAST(NULL AS VARCHAR[]) AS reloptions, false AS relforcerowsecurity "
        + "FROM pg_gateway_indexes k WHERE k.constraint_backed";
  }

  /** Index columns for pg_attribute (psqlODBC's SQLPrimaryKeys joins an index's attributes with the table's). */
  static String indexAttributes() {
    return "SELECT k.index_oid AS attrelid, a.attname, a.atttypid, -1 AS attstattarget, CAST(n.i AS INTEGER) AS attnum, "
        + "0 AS attndims, -1 AS attcacheoff, a.atttypmod, a.attbyval, a.attnotnull, false AS atthasdef, false AS atthasmissing, "
        + "'' AS attidentity, '' AS attgenerated, false AS attisdropped, true AS attislocal, 0 AS attinhcount, a.attcollation "
        + "FROM pg_gateway_indexes k, range(1, len(k.key_columns) + 1) n(i), pg_catalog.pg_attribute a "
        + "WHERE a.attrelid = k.table_oid AND a.attnum = k.key_columns[n.i]";
  }

  /** Tables with a foreign key, or referenced by one (PostgreSQL's foreign keys are triggers on both). */
  static String tablesWithForeignKeys() {
    return "(SELECT conrelid FROM pg_constraint WHERE contype = 'f' UNION ALL SELECT confrelid FROM pg_constraint WHERE contype = 'f')";
  }
}
