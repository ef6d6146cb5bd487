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
  /**
   * Not the session's own TEMP objects: the gateway's pg_catalog views (psql's {@code pg_class},
   * {@code pg_namespace}), which show only what the session's instance holds.
   */
  private static final String HOLDERS =
      "SELECT DISTINCT lower(schema_name) FROM ("
          + "SELECT schema_name, table_name AS name FROM duckdb_tables() WHERE NOT internal AND NOT temporary "
          + "UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary) "
          + "WHERE lower(name) = lower(?)";

  private final EngineSession engine;

  SessionCatalogLookup(EngineSession engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  @Override
  public String parseTree(String sql) {
    return engine.parseTree(sql);
  }

  @Override
  public Set<String> schemasHolding(String name) {
    Set<String> schemas = new HashSet<>();
    for (String schema : engine.firstColumn(HOLDERS, name)) {
      schemas.add(schema.toLowerCase(Locale.ROOT));
    }
    return schemas;
  }

  /** DuckDB's own current_schema() (main), not the session's macro that names it public for clients. */
  @Override
  public String currentSchema() {
    List<String> schema = engine.firstColumn("SELECT system.main.current_schema()");
    return schema.isEmpty() ? null : schema.get(0);
  }
}
