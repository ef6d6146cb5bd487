package io.analytics.gateway.session;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.session.EngineSession;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configured sources whose tables are mirrored (not attached live as a DuckDB catalog), with
 * their exposed schemas: what {@link io.analytics.gateway.sql.SourceTableNames} rewrites.
 */
final class MirroredSources {
  private MirroredSources() {}

  static Map<String, List<String>> of(PlatformConfig config, EngineSession engine) {
    if (config.sources().isEmpty()) {
      return Map.of();
    }
    Set<String> catalogs = Set.copyOf(engine.firstColumn("SELECT database_name FROM duckdb_databases()"));
    Map<String, List<String>> mirrored = new HashMap<>();
    for (PostgresSourceConfig source : config.sources()) {
      if (!catalogs.contains(source.name())) {
        mirrored.put(source.name().toLowerCase(Locale.ROOT), source.schemas());
      }
    }
    return Map.copyOf(mirrored);
  }
}
