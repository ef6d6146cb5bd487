package io.analytics.gateway.security;

import java.util.Set;

/** What the guard asks DuckDB: the parse tree of a SELECT, and which schemas hold a table or view of a name. */
public interface CatalogLookup {
  /** {@code json_serialize_sql} of the statement. */
  String parseTree(String sql);

  /** Lower-case names of the user schemas holding a table or view with this name (case-insensitive), the session's TEMP objects aside. */
  Set<String> schemasHolding(String name);

  /** DuckDB's current schema, where it creates unqualified names; null when it cannot be asked. */
  default String currentSchema() {
    return null;
  }
}
