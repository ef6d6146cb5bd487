package io.analytics.gateway.session;

import java.util.List;

/**
 * How the schemas of a session's search_path (PostgreSQL's, already translated: public is main,
 * "$user" and pg_catalog dropped) become DuckDB's search_path. The gateway that owns the warehouse
 * uses them as they are; a read replica routes them to the catalogs its DuckDB instance holds.
 */
@FunctionalInterface
public interface SearchPathRouting {
  /** The schemas as they are, in the instance's default catalog. */
  SearchPathRouting DIRECT = schemas -> String.join(",", schemas);

  /** DuckDB's search_path for these schemas (never empty: main when none is left). */
  String duckDbSearchPath(List<String> schemas);
}
