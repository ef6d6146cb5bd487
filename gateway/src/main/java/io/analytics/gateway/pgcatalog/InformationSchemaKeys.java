package io.analytics.gateway.pgcatalog;

import io.analytics.engine.duckdb.SqlIdentifiers;
import java.util.List;

/**
 * information_schema's constraint views as PostgreSQL 15 answers them for warehouse tables
 * (table_constraints, key_column_usage, referential_constraints, constraint_column_usage), with
 * PostgreSQL's columns and constraint names: a NOT NULL column is a CHECK constraint named
 * {@code <schema oid>_<table oid>_<column number>_not_null}, a foreign key's referenced unique
 * constraint is the referenced table's key on the same columns. DuckDB's own views are empty.
 * {@link PgCatalogRewriter} sends the client's {@code information_schema.<view>} here.
 */
final class InformationSchemaKeys {

  private InformationSchemaKeys() {}

  /** The constraint's name as pg_constraint and psql show it. */
  private static final String NAME = "CASE WHEN d.constraint_type = 'NOT NULL' THEN d.schema_oid || '_' || d.table_oid || '_' "
      + "|| (d.constraint_column_indexes[1] + 1) || '_not_null' "
      + "ELSE pg_gateway_constraint_name(d.constraint_type, d.table_name, d.constraint_column_names, d.constraint_name) END";
  /** The referenced table's key (primary first) on a foreign key d's referenced columns. */
  private static final String REFERENCED_KEY = "(SELECT u FROM duckdb_constraints() u WHERE u.database_name = d.database_name "
      + "AND u.schema_name = d.schema_name AND u.table_name = d.referenced_table AND u.constraint_type IN ('PRIMARY KEY', 'UNIQUE') "
      + "AND list_sort(u.constraint_column_names) = list_sort(d.referenced_column_names) "
      + "ORDER BY u.constraint_type = 'PRIMARY KEY' DESC LIMIT 1)";

  /** Needs pg_gateway_constraint_name (PgKeyCatalog) and pg_gateway_relation_names (PresentedNames). */
  static List<String> statements(String database) {
    String catalog = SqlIdentifiers.literal(database);
    String constraints = "FROM duckdb_constraints() d JOIN pg_gateway_relation_names names ON names.oid = d.table_oid "
        + "WHERE d.database_name NOT IN ('system', 'temp') ";
    return List.of(
        "CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_table_constraints AS SELECT "
            + catalog + " AS constraint_catalog, names.presented_schema AS constraint_schema, " + NAME + " AS constraint_name, "
            + catalog + " AS table_catalog, names.presented_schema AS table_schema, d.table_name, "
            + "CASE d.constraint_type WHEN 'NOT NULL' THEN 'CHECK' ELSE d.constraint_type END AS constraint_type, "
            + "'NO' AS is_deferrable, 'NO' AS initially_deferred, 'YES' AS enforced, "
            + "CASE WHEN d.constraint_type = 'UNIQUE' THEN 'YES' END AS nulls_distinct "
            + constraints + "AND d.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK', 'NOT NULL')",
        "CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_key_column_usage AS SELECT "
            + catalog + " AS constraint_catalog, names.presented_schema AS constraint_schema, " + NAME + " AS constraint_name, "
            + catalog + " AS table_catalog, names.presented_schema AS table_schema, d.table_name, "
            + "d.constraint_column_names[k.i] AS column_name, CAST(k.i AS INTEGER) AS ordinal_position, "
            + "CASE WHEN d.constraint_type = 'FOREIGN KEY' THEN CAST(list_position((" + REFERENCED_KEY + ").constraint_column_names, "
            + "d.referenced_column_names[k.i]) AS INTEGER) END AS position_in_unique_constraint "
            + "FROM duckdb_constraints() d JOIN pg_gateway_relation_names names ON names.oid = d.table_oid, "
            + "range(1, len(d.constraint_column_names) + 1) k(i) "
            + "WHERE d.database_name NOT IN ('system', 'temp') AND d.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')",
        "CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_referential_constraints AS SELECT "
            + catalog + " AS constraint_catalog, names.presented_schema AS constraint_schema, " + NAME + " AS constraint_name, "
            + catalog + " AS unique_constraint_catalog, names.presented_schema AS unique_constraint_schema, "
            + "(SELECT pg_gateway_constraint_name(r.constraint_type, r.table_name, r.constraint_column_names, r.constraint_name) "
            + "FROM (SELECT " + REFERENCED_KEY + " AS r)) AS unique_constraint_name, "
            + "'NONE' AS match_option, 'NO ACTION' AS update_rule, 'NO ACTION' AS delete_rule "
            + constraints + "AND d.constraint_type = 'FOREIGN KEY'",
        // A key or check uses its own columns; a foreign key, the referenced table's.
        "CREATE OR REPLACE TEMP VIEW pg_gateway_information_schema_constraint_column_usage AS SELECT "
            + catalog + " AS table_catalog, names.presented_schema AS table_schema, "
            + "CASE WHEN d.constraint_type = 'FOREIGN KEY' THEN d.referenced_table ELSE d.table_name END AS table_name, "
            + "unnest(CASE WHEN d.constraint_type = 'FOREIGN KEY' THEN d.referenced_column_names ELSE d.constraint_column_names END) "
            + "AS column_name, " + catalog + " AS constraint_catalog, names.presented_schema AS constraint_schema, " + NAME + " AS constraint_name "
            + constraints + "AND d.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK')");
  }
}
