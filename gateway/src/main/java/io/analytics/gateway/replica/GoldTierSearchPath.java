package io.analytics.gateway.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.Layer;
import io.analytics.gateway.session.SearchPathRouting;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Role app's DuckDB search_path on its gold-only instance: {@code gold} is the views' read-only
 * catalog's schema, every other schema the instance's own catalog's, and {@code gold} stays on the
 * path (last) so that {@code gold.daily_pnl} resolves whatever the session's path says, as it did
 * when the views lived in the instance's default catalog. Being first where it is named, the views'
 * catalog is also where an unqualified CREATE would land, and DuckDB refuses it there.
 */
public final class GoldTierSearchPath implements SearchPathRouting {
  private static final String GOLD = Layer.GOLD.schemaName();

  private final String baseCatalog;
  private final String lakeCatalog;

  public GoldTierSearchPath(String baseCatalog, String lakeCatalog) {
    this.baseCatalog = requireNonNull(baseCatalog, "baseCatalog is null");
    this.lakeCatalog = requireNonNull(lakeCatalog, "lakeCatalog is null");
  }

  @Override
  public String duckDbSearchPath(List<String> schemas) {
    Set<String> entries = new LinkedHashSet<>();
    for (String schema : schemas.isEmpty() ? List.of("main") : schemas) {
      entries.add((schema.equals(GOLD) ? lakeCatalog : baseCatalog) + "." + ReplicaSearchPath.quoted(schema));
    }
    entries.add(lakeCatalog + "." + GOLD);
    return String.join(",", entries);
  }
}
