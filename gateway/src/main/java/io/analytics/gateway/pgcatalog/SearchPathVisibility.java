package io.analytics.gateway.pgcatalog;

import java.util.List;

/**
 * {@code pg_table_is_visible} as PostgreSQL answers it: a relation is visible when its schema is on
 * the session's search path and no schema earlier on the path has a relation of the same name
 * (pg_catalog is always searched first). psql's {@code \dt} and {@code \d name} list and find
 * relations with it; DuckDB's own says true for every relation of every schema.
 */
final class SearchPathVisibility {
  private SearchPathVisibility() {}

  static List<String> statements() {
    return List.of(
        // DuckDB's search_path setting, its entries reduced to schema names (a replica's name catalogs too).
        "CREATE OR REPLACE TEMP MACRO pg_gateway_search_path() AS list_transform("
            + "string_split(current_setting('search_path'), ','), lambda entry: string_split(replace(trim(entry), '\"', ''), '.')[-1])",
        // Relations by DuckDB's own oid (pg_namespace's oids repeat across attached databases), named as
        // clients see them (a live source's tables are in the schema named after it), in DuckDB's schema
        // names as the search path holds them (main, not public).
        "CREATE OR REPLACE TEMP MACRO pg_gateway_relations() AS TABLE SELECT oid, "
            + "CASE WHEN presented_schema = 'public' THEN 'main' ELSE presented_schema END AS schema_name, presented_name AS name "
            + "FROM pg_gateway_relation_names",
        // Hidden: off the path, or behind a relation of the same name earlier on it; pg_catalog is always searched.
        // (One uncorrelated set, so that psql's \\dt, which asks for every relation, stays one join.)
        "CREATE OR REPLACE TEMP MACRO pg_gateway_hidden_relations() AS TABLE SELECT oid FROM (SELECT oid, schema_name, "
            + "list_position(pg_gateway_search_path(), schema_name) AS position, "
            + "min(list_position(pg_gateway_search_path(), schema_name)) OVER (PARTITION BY name) AS first "
            + "FROM pg_gateway_relations()) WHERE schema_name <> 'pg_catalog' AND (position IS NULL OR position > first)",
        // A relation DuckDB lists in neither (an index, a sequence) stays visible, as DuckDB's own says.
        "CREATE OR REPLACE TEMP MACRO pg_table_is_visible(relation) AS relation NOT IN (SELECT oid FROM pg_gateway_hidden_relations())");
  }
}
