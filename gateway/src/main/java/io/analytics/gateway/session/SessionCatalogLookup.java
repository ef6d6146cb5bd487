package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.security.CatalogLookup;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Answers the statement guard's questions from the session's own DuckDB connection. */
final class SessionCatalogLookup implements CatalogLookup {
  private static final String HOLDERS =
      "SELECT DISTINCT lower(schema_name) FROM ("
          + "SELECT schema_name, table_name AS name FROM duckdb_tables() WHERE NOT internal "
          + "UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal) "
          + "WHERE lower(name) = lower(?)";

  private final EngineSession engine;
  private final Runnable beforeQuery;

  /** {@code beforeQuery} frees the connection (suspended portals) before a lookup runs on it. */
  SessionCatalogLookup(EngineSession engine, Runnable beforeQuery) {
    this.engine = requireNonNull(engine, "engine is null");
    this.beforeQuery = requireNonNull(beforeQuery, "beforeQuery is null");
  }

  @Override
  public String parseTree(String sql) {
    beforeQuery.run();
    return engine.parseTree(sql);
  }

  @Override
  public Set<String> schemasHolding(String name) {
    beforeQuery.run();
    Set<String> schemas = new HashSet<>();
    for (String schema : engine.firstColumn(HOLDERS, name)) {
      schemas.add(schema.toLowerCase(Locale.ROOT));
    }
    return schemas;
  }

  @Override
  public String currentSchema() {
    beforeQuery.run();
    List<String> schema = engine.firstColumn("SELECT current_schema()");
    return schema.isEmpty() ? null : schema.get(0);
  }
}
