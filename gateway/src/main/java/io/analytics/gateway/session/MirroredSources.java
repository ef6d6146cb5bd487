package io.analytics.gateway.session;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sql.PublicSchemaNames;
import io.analytics.gateway.sql.SourceTableNames;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The client's names as DuckDB holds them: {@code public.x} is the warehouse's {@code main.x}
 * ({@link PublicSchemaNames}), and a source's tables are named as its path needs ({@link
 * SourceTableNames}: mirrored sources are warehouse schemas, live ones attached DuckDB catalogs).
 */
final class MirroredSources {
  private final SourceTableNames sourceNames;

  private MirroredSources(SourceTableNames sourceNames) {
    this.sourceNames = sourceNames;
  }

  static MirroredSources of(PlatformConfig config, EngineSession engine) {
    if (config.sources().isEmpty()) {
      return new MirroredSources(new SourceTableNames(Map.of(), Map.of()));
    }
    Set<String> catalogs = Set.copyOf(engine.firstColumn("SELECT database_name FROM duckdb_databases()"));
    Map<String, List<String>> mirrored = new HashMap<>();
    Map<String, List<String>> live = new HashMap<>();
    for (PostgresSourceConfig source : config.sources()) {
      (catalogs.contains(source.name()) ? live : mirrored).put(source.name().toLowerCase(Locale.ROOT), source.schemas());
    }
    return new MirroredSources(new SourceTableNames(mirrored, live));
  }

  String rewrite(String sql) {
    return PublicSchemaNames.rewrite(sourceNames.rewrite(sql));
  }
}
